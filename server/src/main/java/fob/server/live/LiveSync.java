package fob.server.live;

import fob.server.metrics.Metrics;
import fob.server.session.Sessions;
import fob.server.store.ChangeFeed;
import fob.server.store.Session;
import fob.server.web.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Live sync: {@code GET /api/events}, a Server-Sent Events stream per signed-in page, says "backup" (with the
 * new version) whenever the account's backup changes on any server, so that the page pulls at once instead of
 * at its next poll. Events carry no content, only that something changed. A stream opens with "ready", on which
 * the page pulls what it may have missed while it was not connected.
 *
 * <p>A stream whose session ends (signed out, its passkey removed, signed out from another device, the account
 * deleted) is closed at once, on whichever server holds it: the server that ended sessions says so through the
 * change feed, and every server checks that account's streams. A comment every 25 s keeps proxies from closing
 * an idle stream, and every 5 minutes each stream's session is checked again (expiry, and any announcement
 * that was lost).
 */
public final class LiveSync implements ChangeFeed.Listener, AutoCloseable {
    private static final Duration HEARTBEAT = Duration.ofSeconds(25);
    private static final Duration SESSION_CHECK = Duration.ofMinutes(5);
    /**
     * Streams one account may hold on one server: a browser holds one (its leading tab), so this is many devices,
     * and a bound on the memory one signed-in client can take (about 12 KiB a stream).
     */
    public static final int MAX_STREAMS_PER_ACCOUNT = 32;

    private final Sessions sessions;
    private final Metrics metrics;
    private final LongSupplier clock;
    private final Map<String, Set<Stream>> byAccount = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fob-live-sync");
        thread.setDaemon(true);
        return thread;
    });

    /** One page's stream; sends are serialised, since the feed and the heartbeat both write. */
    private static final class Stream {
        final SseClient client;
        final byte[] tokenHash;
        long checkedAt;

        Stream(SseClient client, byte[] tokenHash, long checkedAt) {
            this.client = client;
            this.tokenHash = tokenHash;
            this.checkedAt = checkedAt;
        }

        synchronized void send(String event, String data) {
            if (!client.terminated()) {
                client.sendEvent(event, data);
            }
        }

        synchronized void comment(String text) {
            if (!client.terminated()) {
                client.sendComment(text);
            }
        }
    }

    public LiveSync(Sessions sessions, ChangeFeed feed, Metrics metrics, LongSupplier clock) {
        this.sessions = sessions;
        this.metrics = metrics;
        this.clock = clock;
        feed.listen(this);
        ticker.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public void register(RoutesConfig routes) {
        // Refused before the stream starts, so that a signed-out page gets a plain 401.
        routes.before("/api/events", ctx -> {
            Session session = sessions.require(ctx, clock.getAsLong());
            Set<Stream> streams = byAccount.get(session.accountId());
            if (streams != null && streams.size() >= MAX_STREAMS_PER_ACCOUNT) {
                throw new ApiException(429, "too_many_streams", "This account has " + MAX_STREAMS_PER_ACCOUNT
                        + " live-sync streams open on this server already; close a tab or device", 60);
            }
        });
        routes.sse("/api/events", this::open);
    }

    private void open(SseClient client) {
        long now = clock.getAsLong();
        Session session = sessions.require(client.ctx(), now);
        client.keepAlive();
        Stream stream = new Stream(client, session.tokenHash(), now);
        byAccount.computeIfAbsent(session.accountId(), id -> ConcurrentHashMap.newKeySet()).add(stream);
        open.incrementAndGet();
        metrics.streamOpened();
        client.onClose(() -> {
            Set<Stream> streams = byAccount.get(session.accountId());
            if (streams != null && streams.remove(stream)) {
                open.decrementAndGet();
                byAccount.computeIfPresent(session.accountId(), (id, set) -> set.isEmpty() ? null : set);
            }
        });
        stream.send("ready", "{}");
    }

    @Override
    public void backupChanged(String accountId, Long version) {
        Set<Stream> streams = byAccount.get(accountId);
        if (streams == null) {
            return;
        }
        String data = "{\"version\":" + (version == null ? "null" : version.toString()) + "}";
        for (Stream stream : streams) {
            stream.send("backup", data);
        }
    }

    @Override
    public void sessionsEnded(String accountId) {
        Set<Stream> streams = byAccount.get(accountId);
        if (streams == null) {
            return;
        }
        long now = clock.getAsLong();
        for (Stream stream : streams) {
            stream.checkedAt = now;
            if (!sessions.isLive(stream.tokenHash, now)) {
                stream.client.close();
            }
        }
    }

    /**
     * Sends every stream its keep-alive comment and closes those whose session has ended (checked once every 5
     * minutes a stream). Runs every 25 s; public so that tests need not wait for it.
     */
    public void heartbeat() {
        long now = clock.getAsLong();
        for (Set<Stream> streams : byAccount.values()) {
            for (Stream stream : streams) {
                try {
                    if (now - stream.checkedAt >= SESSION_CHECK.toMillis()) {
                        stream.checkedAt = now;
                        if (!sessions.isLive(stream.tokenHash, now)) {
                            stream.client.close();
                            continue;
                        }
                    }
                    stream.comment("");
                } catch (RuntimeException e) {
                    stream.client.close();
                }
            }
        }
    }

    /** How many pages hold a stream on this server. */
    public int clients() {
        return open.get();
    }

    /** Closes every stream (their pages reconnect to another server, or poll), so that a stop need not wait. */
    @Override
    public void close() {
        ticker.shutdownNow();
        for (Set<Stream> streams : byAccount.values()) {
            for (Stream stream : streams) {
                stream.client.close();
            }
        }
    }
}
