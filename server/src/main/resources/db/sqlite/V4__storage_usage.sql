-- The bytes of every backup version stored, kept by each write, trim and deletion in the same transaction, so
-- that the server's quota reads one row instead of summing every version under the writer lock. It starts at
-- what the versions already hold.
CREATE TABLE storage_usage (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    total_bytes INTEGER NOT NULL
);
INSERT INTO storage_usage (id, total_bytes) SELECT 1, COALESCE(SUM(LENGTH(body)), 0) FROM backup_versions;
