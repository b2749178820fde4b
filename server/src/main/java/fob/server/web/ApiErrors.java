package fob.server.web;

import io.javalin.http.Context;
import tools.jackson.databind.node.ObjectNode;

/** Errors as JSON {@code {"error": "<code>", "message": "<for people>"}}: never a stack trace. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static void send(Context ctx, int status, String code, String message) {
        send(ctx, status, code, message, -1);
    }

    /** {@code limit}: a size limit that was passed, in bytes, as {@code "limit"}; -1 for none. */
    private static void send(Context ctx, int status, String code, String message, long limit) {
        ObjectNode body = Json.object();
        body.put("error", code);
        body.put("message", message);
        if (limit >= 0) {
            body.put("limit", limit);
        }
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, status, body);
    }

    public static void send(Context ctx, ApiException e) {
        if (e.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        send(ctx, e.status(), e.code(), e.getMessage(), e instanceof TooLargeException
                ? ((TooLargeException) e).limit() : -1);
    }
}
