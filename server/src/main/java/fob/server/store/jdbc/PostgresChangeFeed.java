package fob.server.store.jdbc;

import fob.server.store.ChangeFeed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's feed: NOTIFY on one channel, and a connection of its own that LISTENs, so that every server on
 * the database (this one too) hears every change. A broken listening connection is opened again with backoff;
 * what was published meanwhile is missed, which the pages' polling covers.
 */
final class PostgresChangeFeed implements ChangeFeed {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeFeed.class);
    static final String CHANNEL = "fob_backup_changed";
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final DataSource publishers;
    private final String url;
    private final Properties credentials = new Properties();
    private final Thread listenerThread;
    /** The payload's second part for {@link #publishSessionsEnded}; a backup change's is its version or "-". */
    private static final String SESSIONS = "sessions";
    private volatile Listener listener;
    private volatile boolean closed;

    PostgresChangeFeed(DataSource publishers, String url, String user, String password) {
        this.publishers = publishers;
        this.url = url;
        if (!user.isEmpty()) {
            credentials.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        this.listenerThread = new Thread(this::listenLoop, "fob-change-feed");
        listenerThread.setDaemon(true);
        listenerThread.start();
    }

    @Override
    public void publish(String accountId, Long version) {
        notify(accountId + ":" + (version == null ? "-" : version.toString()));
    }

    @Override
    public void publishSessionsEnded(String accountId) {
        notify(accountId + ":" + SESSIONS);
    }

    private void notify(String payload) {
        try (Connection connection = publishers.getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        } catch (SQLException e) {
            LOG.warn("Could not announce a change to the other servers: {}", e.getMessage());
        }
    }

    @Override
    public void listen(Listener listener) {
        this.listener = listener;
    }

    private void listenLoop() {
        long backoff = 500;
        while (!closed) {
            try (Connection connection = DriverManager.getConnection(url, credentials)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                backoff = 500;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("The change feed lost its database connection ({}); listening again in {} ms",
                        e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    private void deliver(String payload) {
        int colon = payload.lastIndexOf(':');
        Listener current = listener;
        if (colon <= 0 || current == null) {
            return;
        }
        String accountId = payload.substring(0, colon);
        String what = payload.substring(colon + 1);
        try {
            if (what.equals(SESSIONS)) {
                current.sessionsEnded(accountId);
            } else {
                current.backupChanged(accountId, what.equals("-") ? null : Long.valueOf(what));
            }
        } catch (NumberFormatException e) {
            LOG.warn("Ignored a malformed change notification");
        }
    }

    @Override
    public void close() {
        closed = true;
        listenerThread.interrupt();
        try {
            listenerThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
