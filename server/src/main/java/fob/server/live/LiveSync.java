package fob.server.live;

import fob.server.metrics.Metrics;
import fob.server.session.Sessions;
import fob.server.store.ChangeFeed;
import fob.server.store.Session;
import fob.server.web.ApiException;
import fob.server.web.ClientAddress;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * that was lost). A stream whose session ends while it opens is closed too: its session is looked at again once
 * the stream is registered, where any later announcement finds it.
 *
 * <p>Streams are bounded on each server per account ({@link #MAX_STREAMS_PER_ACCOUNT}, 429 {@code too_many_streams}),
 * per client address ({@code FOB_MAX_STREAMS_PER_ADDRESS}, 429 {@code too_many_streams_here}) and in all
 * ({@code FOB_MAX_STREAMS}, 503 {@code server_busy}); a place under every cap is reserved before the stream opens
 * and given back when it closes, so that opens at the same moment cannot pass a cap together.
 */
public final class LiveSync implements ChangeFeed.Listener, AutoCloseable {
    private static final Duration HEARTBEAT = Duration.ofSeconds(25);
    private static final Duration SESSION_CHECK = Duration.ofMinutes(5);
    /**
     * Streams one account may hold on one server: a browser holds one (its leading tab), so this is many devices,
     * and a bound on the memory one signed-in client can take (about 12 KiB a stream).
     */
    public static final int MAX_STREAMS_PER_ACCOUNT = 32;

    private static final String SESSION = "fob.live.session";
    private static final String RESERVATION = "fob.live.reservation";

    private final Sessions sessions;
    private final ClientAddress addresses;
    private final int maxStreams;
    private final int maxPerAddress;
    /** Places reserved and held, per account and per client address (its limit key), and on the server. */
    private final Map<String, Integer> perAccount = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Metrics metrics;
    private final LongSupplier clock;
    private final Map<String, Set<Stream>> byAccount = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    /** For tests: runs while a stream opens, its session checked and the stream not yet registered. */
    private volatile Runnable opening = () -> { };
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

    /**
     * {@code maxStreams} streams on this server at most ({@code FOB_MAX_STREAMS}), {@code maxPerAddress} from one
     * client address ({@code FOB_MAX_STREAMS_PER_ADDRESS}, by {@link ClientAddress#keyOf}), and
     * {@link #MAX_STREAMS_PER_ACCOUNT} for one account.
     */
    public LiveSync(Sessions sessions, ChangeFeed feed, Metrics metrics, LongSupplier clock, ClientAddress addresses,
            int maxStreams, int maxPerAddress) {
        this.sessions = sessions;
        this.addresses = addresses;
        this.maxStreams = maxStreams;
        this.maxPerAddress = maxPerAddress;
        this.metrics = metrics;
        this.clock = clock;
        feed.listen(this);
        ticker.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public void register(RoutesConfig routes) {
        // Refused before the stream starts, so that a signed-out page gets a plain 401, and a page over a cap its
        // named error: once the stream starts, its 200 has been sent.
        routes.before("/api/events", ctx -> {
            Session session = sessions.require(ctx, clock.getAsLong());
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                return; // Javalin opens no stream without it, so nothing is reserved.
            }
            ctx.attribute(SESSION, session);
            ctx.attribute(RESERVATION, reserve(session.accountId(), addresses.keyOf(ctx)));
        });
        routes.sse("/api/events", this::open);
        // A place reserved for a stream that never opened (the client left as its answer began) is given back;
        // one whose stream opened is given back when the stream closes.
        routes.after("/api/events", ctx -> {
            Reservation reservation = ctx.attribute(RESERVATION);
            if (reservation != null && !reservation.taken.get()) {
                reservation.release();
            }
        });
    }

    /**
     * A place for one stream under each cap: the account's, the client address's and the server's, taken
     * together before the stream opens (so that opens at the same moment cannot pass a cap together) and given
     * back once, when it closes.
     */
    private final class Reservation {
        final String accountId;
        final String address;
        final AtomicBoolean taken = new AtomicBoolean();
        private final AtomicBoolean released = new AtomicBoolean();

        Reservation(String accountId, String address) {
            this.accountId = accountId;
            this.address = address;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                giveBack(perAccount, accountId);
                giveBack(perAddress, address);
                total.decrementAndGet();
            }
        }
    }

    private Reservation reserve(String accountId, String address) {
        if (!take(perAccount, accountId, MAX_STREAMS_PER_ACCOUNT)) {
            throw new ApiException(429, "too_many_streams", "This account has " + MAX_STREAMS_PER_ACCOUNT
                    + " live-sync streams open on this server already; close a tab or device", 60);
        }
        if (!take(perAddress, address, maxPerAddress)) {
            giveBack(perAccount, accountId);
            throw new ApiException(429, "too_many_streams_here", "Your network has " + maxPerAddress
                    + " live-sync streams open on this server already; the page checks for changes every minute"
                    + " instead", 60);
        }
        while (true) {
            int now = total.get();
            if (now >= maxStreams) {
                giveBack(perAccount, accountId);
                giveBack(perAddress, address);
                throw new ApiException(503, "server_busy", "This server holds as many live-sync streams as it"
                        + " can; the page checks for changes every minute instead", 60);
            }
            if (total.compareAndSet(now, now + 1)) {
                return new Reservation(accountId, address);
            }
        }
    }

    /** One more for {@code key}, unless it has {@code cap} already; atomic per key. */
    private static boolean take(Map<String, Integer> counts, String key, int cap) {
        boolean[] taken = {false};
        counts.compute(key, (k, count) -> {
            int held = count == null ? 0 : count;
            if (held >= cap) {
                return count;
            }
            taken[0] = true;
            return held + 1;
        });
        return taken[0];
    }

    private static void giveBack(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    private void open(SseClient client) {
        Session session = client.ctx().attribute(SESSION);
        Reservation reservation = client.ctx().attribute(RESERVATION);
        if (session == null || reservation == null || !reservation.taken.compareAndSet(false, true)) {
            client.close();
            return;
        }
        long now = clock.getAsLong();
        client.keepAlive();
        Stream stream = new Stream(client, session.tokenHash(), now);
        opening.run();
        Runnable closed = () -> {
            Set<Stream> streams = byAccount.get(session.accountId());
            if (streams != null && streams.remove(stream)) {
                open.decrementAndGet();
                byAccount.computeIfPresent(session.accountId(), (id, set) -> set.isEmpty() ? null : set);
            }
            reservation.release();
        };
        client.onClose(closed);
        byAccount.computeIfAbsent(session.accountId(), id -> ConcurrentHashMap.newKeySet()).add(stream);
        open.incrementAndGet();
        metrics.streamOpened();
        if (client.terminated()) {
            closed.run(); // closed before its close could be heard: let go of it here
            return;
        }
        // The session may have ended after it was checked and before the stream was registered: the
        // announcement of its end found no stream to close. Any later announcement finds this one, so one look
        // now leaves no gap.
        if (!sessions.isLive(session.tokenHash(), clock.getAsLong())) {
            client.close();
            return;
        }
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

    /** For tests: {@code hook} runs while each stream opens, after its session is checked, before it is registered. */
    public void onOpening(Runnable hook) {
        this.opening = hook;
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
