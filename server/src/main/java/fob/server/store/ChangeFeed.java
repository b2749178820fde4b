package fob.server.store;

/**
 * Tells every server on the database that an account's backup changed, so that each can tell the pages it
 * holds live streams for. Published after the change committed; a lost notification costs only latency (the
 * pages also poll).
 */
public interface ChangeFeed extends AutoCloseable {
    /** What a server hears: the account, and its current backup version (null: it has none now). */
    interface Listener {
        void backupChanged(String accountId, Long version);
    }

    void publish(String accountId, Long version);

    /** Only one listener: the server's live-sync hub. */
    void listen(Listener listener);

    @Override
    void close();
}
