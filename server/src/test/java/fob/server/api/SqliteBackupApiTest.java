package fob.server.api;

import fob.server.testing.TestServer;

class SqliteBackupApiTest extends BackupApiContract {
    @Override
    protected TestServer.Database database() {
        return TestServer.Database.SQLITE;
    }
}
