package fob.server.api;

import fob.server.testing.TestServer;

class SqlitePasskeyApiTest extends PasskeyApiContract {
    @Override
    protected TestServer.Database database() {
        return TestServer.Database.SQLITE;
    }
}
