package fob.server.account;

import fob.server.activity.Activity;
import fob.server.session.DeviceLabel;
import fob.server.session.Sessions;
import fob.server.store.Session;
import fob.server.store.SignedInDevices;
import fob.server.web.ApiException;
import fob.server.web.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account's signed-in devices: list them, rename one, end one, end every other one. Ending another device's
 * session cannot be undone by the person who lost that device, so it needs a recent passkey sign-in; ending
 * one's own is signing out.
 */
public final class SessionRoutes {
    private final SignedInDevices devices;
    private final Sessions sessions;
    private final Activity activity;
    private final LongSupplier clock;

    public SessionRoutes(SignedInDevices devices, Sessions sessions, Activity activity, LongSupplier clock) {
        this.devices = devices;
        this.sessions = sessions;
        this.activity = activity;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/sessions", this::list);
        routes.delete("/api/sessions", this::endOthers);
        routes.patch("/api/sessions/{id}", this::rename);
        routes.delete("/api/sessions/{id}", this::end);
    }

    private void list(Context ctx) {
        Session current = sessions.require(ctx, clock.getAsLong());
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Session session : devices.sessions(current.accountId())) {
            list.addObject().put("id", session.id()).put("device", session.device())
                    .put("createdAt", session.createdAt()).put("lastSeenAt", session.lastSeenAt())
                    .put("current", session.id().equals(current.id()));
        }
        ObjectNode body = Json.object();
        body.set("sessions", list);
        Json.send(ctx, 200, body);
    }

    private void rename(Context ctx) {
        Session current = sessions.require(ctx, clock.getAsLong());
        JsonNode node = Json.body(ctx, Json.MAX_CEREMONY_BYTES).get("device");
        String device = node != null && node.isString() ? DeviceLabel.checked(node.asString()) : null;
        if (device == null) {
            throw ApiException.badRequest("invalid_device", "A device name has 1 to " + DeviceLabel.MAX_LENGTH
                    + " characters, without control characters");
        }
        if (!devices.renameSession(current.accountId(), ctx.pathParam("id"), device)) {
            throw new ApiException(404, "unknown_session", "This account has no such signed-in device");
        }
        activity.record(current.accountId(), Activity.DEVICE_RENAMED, ctx, device);
        ctx.status(204);
    }

    private void end(Context ctx) {
        long now = clock.getAsLong();
        String id = ctx.pathParam("id");
        Session current = sessions.require(ctx, now);
        if (id.equals(current.id())) {
            activity.record(current.accountId(), Activity.SIGN_OUT, ctx, current.device());
            sessions.end(ctx, now);
            ctx.status(204);
            return;
        }
        sessions.requireRecent(ctx, now);
        String device = devices.sessions(current.accountId()).stream().filter(s -> s.id().equals(id))
                .map(Session::device).findFirst()
                .orElseThrow(() -> new ApiException(404, "unknown_session", "This account has no such signed-in device"));
        if (devices.deleteSession(current.accountId(), id)) {
            sessions.ended(current.accountId());
            activity.record(current.accountId(), Activity.SESSION_ENDED, ctx, device);
        }
        ctx.status(204);
    }

    private void endOthers(Context ctx) {
        Session current = sessions.requireRecent(ctx, clock.getAsLong());
        int ended = devices.deleteOtherSessions(current.accountId(), current.id());
        sessions.ended(current.accountId());
        activity.record(current.accountId(), Activity.SESSION_ENDED, ctx, "every other device (" + ended + ")");
        ObjectNode body = Json.object();
        body.put("ended", ended);
        Json.send(ctx, 200, body);
    }
}
