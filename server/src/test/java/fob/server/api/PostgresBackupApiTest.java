package fob.server.api;

import fob.server.testing.TestServer;

class PostgresBackupApiTest extends BackupApiContract {
    @Override
    protected TestServer.Database database() {
        return TestServer.Database.POSTGRESQL;
    }
}
