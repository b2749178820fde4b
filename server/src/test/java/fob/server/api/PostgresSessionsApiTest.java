package fob.server.api;

import fob.server.testing.TestServer;

class PostgresSessionsApiTest extends SessionsApiContract {
    @Override
    protected TestServer.Database database() {
        return TestServer.Database.POSTGRESQL;
    }
}
