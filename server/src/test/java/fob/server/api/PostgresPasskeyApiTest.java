package fob.server.api;

import fob.server.testing.TestServer;

class PostgresPasskeyApiTest extends PasskeyApiContract {
    @Override
    protected TestServer.Database database() {
        return TestServer.Database.POSTGRESQL;
    }
}
