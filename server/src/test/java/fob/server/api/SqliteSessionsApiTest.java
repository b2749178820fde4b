package fob.server.api;

import fob.server.testing.TestServer;

class SqliteSessionsApiTest extends SessionsApiContract {
    @Override
    protected TestServer.Database database() {
        return TestServer.Database.SQLITE;
    }
}
