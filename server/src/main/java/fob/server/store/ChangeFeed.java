package fob.server.store;

/**
 * Tells every server on the database that an account's backup changed, so that each can tell the pages it
 * holds live streams for, or that some of its sessions ended, so that each closes their streams. Published
 * after the change committed; a lost notification costs only latency (the pages also poll, and every stream's
 * session is checked again every few minutes).
 */
public interface ChangeFeed extends AutoCloseable {
    /** What a server hears: the account, and its current backup version (null: it has none now). */
    interface Listener {
        void backupChanged(String accountId, Long version);

        /** Some of the account's sessions ended (signed out, a passkey removed, the account deleted). */
        void sessionsEnded(String accountId);
    }

    void publish(String accountId, Long version);

    void publishSessionsEnded(String accountId);

    /** Only one listener: the server's live-sync hub. */
    void listen(Listener listener);

    @Override
    void close();
}
