package fob.server;

import fob.server.account.AccountRoutes;
import fob.server.account.SessionRoutes;
import fob.server.activity.Activity;
import fob.server.backup.BackupRoutes;
import fob.server.live.LiveSync;
import fob.server.metrics.Metrics;
import fob.server.passkey.CeremonyBinding;
import fob.server.passkey.PasskeyLimits;
import fob.server.passkey.PasskeyRoutes;
import fob.server.passkey.RelyingParty;
import fob.server.session.RateLimiter;
import fob.server.session.RequestGuard;
import fob.server.session.Sessions;
import fob.server.store.BackupQuota;
import fob.server.store.ChangeFeed;
import fob.server.store.RateLimits;
import fob.server.store.jdbc.Store;
import fob.server.store.jdbc.Stores;
import fob.server.web.ApiErrors;
import fob.server.web.ApiException;
import fob.server.web.Assets;
import fob.server.web.Json;
import fob.server.web.PageRoutes;
import fob.server.web.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/** The Javalin application: the page, the recovery accounts and their backups, and the health check. */
public final class FobServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FobServer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Store store;
    private final Assets assets;
    private final int port;
    private final String origin;
    private final Metrics metrics;
    private final ChangeFeed changes;
    private final LiveSync liveSync;
    private final Javalin app;
    private final Janitor janitor;

    public FobServer(Config config, Store store, Assets assets) {
        this(config, store, assets, System::currentTimeMillis);
    }

    /** With a clock of its own, so that tests can let challenges and sessions expire. */
    public FobServer(Config config, Store store, Assets assets, LongSupplier clock) {
        this(config, store, assets, clock, StorageLimit.Defaults.REAL);
    }

    /** With the figures the storage default is worked out from given, for tests of a small server. */
    public FobServer(Config config, Store store, Assets assets, LongSupplier clock, StorageLimit.Defaults storage) {
        this.store = store;
        this.assets = assets;
        this.port = config.port == 0 ? freePort() : config.port;
        this.origin = config.origin(port);
        SecurityHeaders headers = new SecurityHeaders(config.isHttps());
        RequestGuard guard = new RequestGuard(origin);
        this.metrics = config.metricsPort == 0 ? Metrics.unserved()
                : Metrics.servedAt(config.metricsHost, config.metricsPort);
        this.changes = Stores.changeFeed(store);
        Sessions sessions = new Sessions(store.sessionTokens(), changes, config.isHttps());
        this.liveSync = new LiveSync(sessions, changes, metrics, clock, config.clientAddress, config.maxStreams,
                config.maxStreamsPerAddress);
        metrics.gauge("fob.live.clients", "Pages holding a live-sync stream on this server", liveSync::clients);
        Activity activity = new Activity(store.activity(), sessions, config.clientAddress, metrics, clock);
        PasskeyLimits limits = limits(config, store.rateLimits());
        PasskeyRoutes passkeys = new PasskeyRoutes(store.accounts(), store.passkeys(), store.challenges(),
                new RelyingParty(origin), sessions, activity, limits, config.clientAddress,
                new CeremonyBinding(config.isHttps()), clock);
        BackupQuota quota = new BackupQuota(config.accountMaxBytes,
                StorageLimit.resolve(config, store.storageUsage(), storage));
        BackupRoutes backups = new BackupRoutes(store.backups(), store.sessionBackups(), sessions, activity,
                config.backupMaxBytes, config.history, config.historyDays, quota, metrics, changes, clock);
        SessionRoutes sessionRoutes = new SessionRoutes(store.signedInDevices(), sessions, activity, clock);
        AccountRoutes accountRoutes = new AccountRoutes(store.accountDeletion(), sessions, limits, clock);
        PageRoutes page = new PageRoutes(assets);
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            // Assets are compressed once, at start-up; backups are ciphertext, which does not compress.
            javalin.http.compressionStrategy = CompressionStrategy.NONE;
            javalin.http.maxRequestSize = config.backupMaxBytes + 64 * 1024;
            javalin.jetty.host = config.listenHost();
            javalin.jetty.port = port;
            javalin.jetty.modifyServer(server -> {
                // On stop (SIGTERM), stop accepting and let requests in progress finish and answer, for up to
                // STOP_TIMEOUT, before the store closes: a write that was taken gets its answer.
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
            });
            javalin.requestLogger.http(metrics::request);
            javalin.routes.before(headers::apply);
            javalin.routes.before("/api/*", guard::check);
            page.register(javalin.routes);
            passkeys.register(javalin.routes);
            backups.register(javalin.routes);
            sessionRoutes.register(javalin.routes);
            accountRoutes.register(javalin.routes);
            liveSync.register(javalin.routes);
            activity.register(javalin.routes);
            javalin.routes.get("/healthz", this::health);
            javalin.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    notFound(ctx);
                }
            });
            javalin.routes.error(405, ctx -> ApiErrors.send(ctx, 405, "method_not_allowed",
                    ctx.method() + " is not allowed on " + ctx.path()));
            javalin.routes.exception(ApiException.class, (e, ctx) -> ApiErrors.send(ctx, e));
            javalin.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 404) {
                    notFound(ctx);
                } else {
                    ApiErrors.send(ctx, e.getStatus(), "http_" + e.getStatus(), e.getMessage());
                }
            });
            javalin.routes.exception(Exception.class, this::unexpected);
        });
        this.janitor = new Janitor(store.expiry(), Duration.ofDays(config.activityDays), clock);
        janitor.start();
    }

    /**
     * {@code --rate-limit=0} turns every rate limit off; the new-account quotas, per address and for the whole
     * server, have their own settings.
     */
    private static PasskeyLimits limits(Config config, RateLimits buckets) {
        int perAccount = config.rateLimit == 0 ? 0 : 10;
        return new PasskeyLimits(RateLimiter.perMinute(buckets, "address", config.rateLimit),
                RateLimiter.perMinute(buckets, "account", perAccount),
                RateLimiter.perHour(buckets, "accounts", config.accountsPerHour, "too_many_accounts",
                        "Too many new recovery accounts from this network"),
                RateLimiter.perHour(buckets, "signups", config.signupsPerHour, "server_signups_paused",
                        "This server is making no new recovery accounts for now: too many were made in the last"
                        + " hour").withStatus(503));
    }

    private static void notFound(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            ApiErrors.send(ctx, 404, "not_found", "There is nothing at " + ctx.path());
        } else {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("Not found");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Live sync's keep-alive and session check, now: see {@link LiveSync#heartbeat}. */
    public void runLiveSyncChecks() {
        liveSync.heartbeat();
    }

    /** For tests: runs {@code hook} while each live-sync stream opens (see {@link LiveSync#onOpening}). */
    public void onStreamOpening(Runnable hook) {
        liveSync.onOpening(hook);
    }

    /**
     * Deletes what has expired: sessions, challenges, full rate-limit buckets, and activity older than
     * {@code --activity-days}. Runs every 10 minutes; public so that tests need not wait for it.
     */
    public void runJanitor() {
        janitor.run();
    }

    private void health(Context ctx) {
        boolean ok = store.isHealthy();
        ObjectNode body = Json.object();
        body.put("status", ok ? "ok" : "unavailable");
        body.put("database", ok ? "ok" : "unavailable");
        body.put("version", assets.version());
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, ok ? 200 : 503, body);
    }

    private void unexpected(Exception e, Context ctx) {
        // The request path only: bodies and headers may hold credentials and are never logged.
        LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        ApiErrors.send(ctx, 500, "internal", "Something went wrong on the server. Nothing was changed.");
    }

    public FobServer start() {
        app.start();
        return this;
    }

    public int port() {
        return port;
    }

    public String origin() {
        return origin;
    }

    /** The port metrics are served on, or 0. */
    public int metricsPort() {
        return metrics.port();
    }

    /** Stops gracefully: no new requests, those in progress answered, then the store closed. */
    @Override
    public void close() {
        janitor.close();
        // Open streams would hold the graceful stop for its whole timeout: they end first, and their pages
        // reconnect elsewhere or poll.
        liveSync.close();
        app.stop();
        changes.close();
        store.close();
        metrics.close();
    }
}
