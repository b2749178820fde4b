package fob.server.store;

import java.util.Optional;

/**
 * The session a token names together with its account's current backup, in one read: GET /api/backup, which
 * every device polls, then costs the database one query rather than one for the session and one for the backup.
 */
public interface SessionBackups {
    /** Empty when no session has this token hash; the backup is empty when the account has none. */
    Optional<SessionBackup> findSessionWithBackup(byte[] tokenHash);

    /** A session and its account's current backup, as they were read together. */
    record SessionBackup(Session session, Optional<BackupVersion> backup) {
    }
}
