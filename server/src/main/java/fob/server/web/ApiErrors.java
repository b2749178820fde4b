package fob.server.web;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import io.javalin.http.Context;

/** Errors as JSON {@code {"error": "<code>", "message": "<for people>"}}: never a stack trace. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static void send(Context ctx, int status, String code, String message) {
        JsonObject body = new JsonObject();
        body.put("error", code);
        body.put("message", message);
        ctx.status(status).contentType("application/json").header("Cache-Control", "no-store")
                .result(JsonWriter.string(body));
    }
}
