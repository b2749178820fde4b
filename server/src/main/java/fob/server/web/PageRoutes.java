package fob.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Serves the page: index.html and sw.js at fixed URLs, and every other file under its versioned URL. */
public final class PageRoutes {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";

    private final Assets assets;

    public PageRoutes(Assets assets) {
        this.assets = assets;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> send(ctx, assets.index(), REVALIDATE));
        routes.get("/index.html", ctx -> send(ctx, assets.index(), REVALIDATE));
        routes.get("/sw.js", ctx -> send(ctx, assets.serviceWorker(), REVALIDATE));
        routes.get("/v/{version}/<path>", this::versioned);
    }

    private void versioned(Context ctx) {
        Asset asset = assets.versioned(ctx.pathParam("path"));
        if (asset == null || !assets.version().equals(ctx.pathParam("version"))) {
            // An old page asking for its old files gets them from its service worker, never a mix of versions.
            ctx.status(404).contentType("text/plain; charset=utf-8").result("Not found");
            return;
        }
        if (asset.path.equals("kdf-worker.js")) {
            ctx.header("Content-Security-Policy", SecurityHeaders.WORKER_POLICY);
        }
        send(ctx, asset, IMMUTABLE);
    }

    private void send(Context ctx, Asset asset, String cacheControl) {
        String etag = "\"" + assets.version() + "\"";
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", etag);
        ctx.header("Vary", "Accept-Encoding");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType);
        String accepted = ctx.header("Accept-Encoding");
        if (asset.gzipped != null && accepted != null && accepted.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(asset.gzipped);
        } else {
            ctx.result(asset.body);
        }
    }
}
