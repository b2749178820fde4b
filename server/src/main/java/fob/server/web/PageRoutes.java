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
        getAndHead(routes, "/", ctx -> send(ctx, assets.index(), REVALIDATE));
        getAndHead(routes, "/index.html", ctx -> send(ctx, assets.index(), REVALIDATE));
        getAndHead(routes, "/sw.js", ctx -> send(ctx, assets.serviceWorker(), REVALIDATE));
        getAndHead(routes, "/v/{version}/<path>", this::versioned);
    }

    /** HEAD answers with GET's headers (Jetty leaves the body out), so caches and checks see the truth. */
    private static void getAndHead(RoutesConfig routes, String path, io.javalin.http.Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    private void versioned(Context ctx) {
        Asset asset = assets.versioned(ctx.pathParam("path"));
        if (asset == null || !assets.version().equals(ctx.pathParam("version"))) {
            // An old page asking for its old files gets them from its service worker, never a mix of versions.
            ctx.status(404).contentType("text/plain; charset=utf-8").result("Not found");
            return;
        }
        if (asset.path.equals("worker.js")) {
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
        byte[] body = asset.body;
        if (asset.gzipped != null && accepted != null && accepted.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            body = asset.gzipped;
        }
        ctx.header("Content-Length", String.valueOf(body.length));
        ctx.result(body);
    }
}
