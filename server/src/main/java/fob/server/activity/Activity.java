package fob.server.activity;

import fob.server.metrics.Metrics;
import fob.server.session.Sessions;
import fob.server.store.ActivityEvent;
import fob.server.store.ActivityLog;
import fob.server.store.BackupVersions;
import fob.server.web.ClientAddress;
import fob.server.web.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.LongSupplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The security events of an account (sign-ins with their device, backup writes, deletions and key rotations,
 * passkey and session changes) and their list.
 */
public final class Activity {
    public static final String ACCOUNT_CREATED = "account_created";
    public static final String SIGN_IN = "sign_in";
    public static final String SIGN_OUT = "sign_out";
    public static final String PASSKEY_ADDED = "passkey_added";
    public static final String PASSKEY_REMOVED = "passkey_removed";
    public static final String BACKUP_WRITTEN = "backup_written";
    public static final String BACKUP_DELETED = "backup_deleted";
    public static final String HISTORY_DELETED = "history_deleted";
    public static final String BACKUP_READ_TO_RESTORE = "backup_read_to_restore";
    public static final String VERSION_READ_TO_RESTORE = "version_read_to_restore";
    public static final String KEYS_ROTATED = "keys_rotated";
    public static final String SESSION_ENDED = "session_ended";
    public static final String DEVICE_RENAMED = "device_renamed";
    private static final int SHOWN = 100;

    private final ActivityLog log;
    private final Sessions sessions;
    private final ClientAddress clientAddress;
    private final Metrics metrics;
    private final LongSupplier clock;

    public Activity(ActivityLog log, Sessions sessions, ClientAddress clientAddress, Metrics metrics,
            LongSupplier clock) {
        this.log = log;
        this.sessions = sessions;
        this.clientAddress = clientAddress;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void record(String accountId, String kind, Context ctx, String detail) {
        log.recordActivity(accountId, event(kind, ctx, detail));
        metrics.event(kind);
    }

    /**
     * An event to record as part of another write (see {@link BackupVersions#writeBackup}); the caller counts it with
     * {@link #counted} once that write succeeded.
     */
    public ActivityEvent event(String kind, Context ctx, String detail) {
        return new ActivityEvent(clock.getAsLong(), kind, clientAddress.of(ctx), detail);
    }

    /** Counts an event that was written as part of another write. */
    public void counted(String kind) {
        metrics.event(kind);
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/activity", ctx -> {
            String accountId = sessions.require(ctx, clock.getAsLong()).accountId();
            ArrayNode events = Json.MAPPER.createArrayNode();
            for (ActivityEvent event : log.activity(accountId, SHOWN)) {
                events.addObject().put("at", event.at()).put("kind", event.kind()).put("address", event.address())
                        .put("detail", event.detail());
            }
            ObjectNode body = Json.object();
            body.set("events", events);
            Json.send(ctx, 200, body);
        });
    }
}
