package fob.server.store.jdbc;

import fob.server.store.ChangeFeed;

/** SQLite's feed: one server per database file, so a change is heard in the same process. */
final class InProcessChangeFeed implements ChangeFeed {
    private volatile Listener listener;

    @Override
    public void publish(String accountId, Long version) {
        if (listener != null) {
            listener.backupChanged(accountId, version);
        }
    }

    @Override
    public void publishSessionsEnded(String accountId) {
        if (listener != null) {
            listener.sessionsEnded(accountId);
        }
    }

    @Override
    public void listen(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void close() {
    }
}
