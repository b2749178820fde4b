package fob.server;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.server.store.Database;
import fob.server.web.ApiErrors;
import fob.server.web.Assets;
import fob.server.web.PageRoutes;
import fob.server.web.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin application: the page, the health check, and (later) the backup API. */
public final class FobServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FobServer.class);

    private final Config config;
    private final Database database;
    private final Assets assets;
    private final Javalin app;

    public FobServer(Config config, Database database, Assets assets) {
        this.config = config;
        this.database = database;
        this.assets = assets;
        SecurityHeaders headers = new SecurityHeaders(config.isHttps());
        PageRoutes page = new PageRoutes(assets);
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            // Assets are compressed once, at start-up; nothing else is worth compressing.
            javalin.http.compressionStrategy = CompressionStrategy.NONE;
            javalin.http.maxRequestSize = config.backupMaxBytes + 64 * 1024;
            javalin.jetty.host = config.isLocalOnly() ? "127.0.0.1" : null;
            javalin.jetty.port = config.port;
            javalin.routes.before(headers::apply);
            page.register(javalin.routes);
            javalin.routes.get("/healthz", this::health);
            javalin.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") || ctx.path().equals("/healthz")) {
                    ApiErrors.send(ctx, 404, "not_found", "There is nothing at " + ctx.path());
                } else if (ctx.result() == null) {
                    ctx.contentType("text/plain; charset=utf-8").result("Not found");
                }
            });
            javalin.routes.exception(Exception.class, this::unexpected);
        });
    }

    private void health(Context ctx) {
        boolean ok = database.isHealthy();
        JsonObject body = new JsonObject();
        body.put("status", ok ? "ok" : "unavailable");
        body.put("database", ok ? "ok" : "unavailable");
        body.put("version", assets.version());
        ctx.status(ok ? 200 : 503).contentType("application/json").header("Cache-Control", "no-store")
                .result(JsonWriter.string(body));
    }

    private void unexpected(Exception e, Context ctx) {
        LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        ApiErrors.send(ctx, 500, "internal", "Something went wrong on the server. Nothing was changed.");
    }

    public FobServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    public String origin() {
        return config.origin(port());
    }

    @Override
    public void close() throws Exception {
        app.stop();
        database.close();
    }
}
