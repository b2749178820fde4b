package fob.server.backup;

import fob.server.activity.Activity;
import fob.server.metrics.Metrics;
import fob.server.session.Sessions;
import fob.server.store.BackupQuota;
import fob.server.store.BackupSummary;
import fob.server.store.BackupVersion;
import fob.server.store.BackupVersions;
import fob.server.store.ChangeFeed;
import fob.server.store.PreconditionFailedException;
import fob.server.store.SessionBackups;
import fob.server.store.SessionBackups.SessionBackup;
import fob.server.store.QuotaExceededException;
import fob.server.web.ApiException;
import fob.server.web.Bodies;
import fob.server.web.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.LongSupplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signed-in account's backup: read, write with optimistic concurrency (ETag, If-Match, If-None-Match),
 * delete with its history, and earlier versions. Bodies are opaque envelopes, stored byte for byte.
 */
public final class BackupRoutes {
    private final BackupVersions backups;
    private final SessionBackups sessionBackups;
    private final Sessions sessions;
    private final Activity activity;
    private final long maxBytes;
    private final int history;
    private final int historyDays;
    private final BackupQuota quota;
    private final Metrics metrics;
    private final ChangeFeed changes;
    private final LongSupplier clock;

    /**
     * {@code history}: the newest versions kept; {@code historyDays}: the days whose last version is kept besides
     * (0: none).
     */
    public BackupRoutes(BackupVersions backups, SessionBackups sessionBackups, Sessions sessions, Activity activity,
            long maxBytes, int history, int historyDays, BackupQuota quota, Metrics metrics, ChangeFeed changes,
            LongSupplier clock) {
        this.backups = backups;
        this.sessionBackups = sessionBackups;
        this.sessions = sessions;
        this.activity = activity;
        this.maxBytes = maxBytes;
        this.history = history;
        this.historyDays = historyDays;
        this.quota = quota;
        this.metrics = metrics;
        this.changes = changes;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/backup", this::read);
        // Public, as a 413 tells it anyway: the page warns before an import makes its backup too large.
        routes.get("/api/backup/limit", ctx -> Json.send(ctx, 200, Json.object().put("maxBytes", maxBytes)));
        routes.put("/api/backup", this::write);
        routes.delete("/api/backup", this::delete);
        routes.post("/api/backup/rotation", this::rotate);
        routes.get("/api/backup/versions", this::versions);
        routes.delete("/api/backup/versions", this::deleteHistory);
        routes.get("/api/backup/versions/{version}", this::version);
    }

    private String account(Context ctx) {
        return sessions.require(ctx, clock.getAsLong()).accountId();
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names, or -1 when it names none that could be current. */
    static long parseEtag(String header) {
        String value = header.trim();
        if (value.length() < 3 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return -1;
        }
        try {
            return Long.parseLong(value.substring(1, value.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code ?restore=1}: the page reads it to restore or merge, which the activity list shows. */
    private void recordRestore(Context ctx, String accountId, String kind, long version) {
        if ("1".equals(ctx.queryParam("restore"))) {
            activity.record(accountId, kind, ctx, "version " + version);
        }
    }

    private void read(Context ctx) {
        SessionBackup signedIn = sessions.requireWithBackup(ctx, clock.getAsLong(), sessionBackups);
        String accountId = signedIn.session().accountId();
        BackupVersion current = signedIn.backup()
                .orElseThrow(() -> new ApiException(404, "no_backup", "There is no backup yet"));
        ctx.header("ETag", etag(current.version()));
        // A device that already has this version asks with If-None-Match, to check cheaply for news.
        if (etag(current.version()).equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        recordRestore(ctx, accountId, Activity.BACKUP_READ_TO_RESTORE, current.version());
        sendBody(ctx, current);
    }

    private static void sendBody(Context ctx, BackupVersion version) {
        ctx.header("X-Fob-Backup-Version", Long.toString(version.version()));
        ctx.status(200).contentType("application/json").result(version.body());
    }

    private void write(Context ctx) {
        write(ctx, account(ctx), history, historyDays, Activity.BACKUP_WRITTEN);
    }

    /**
     * A key rotation: the new envelope, sealed under a new vault key, replaces the backup, and every earlier
     * version (sealed under the old key, which the old recovery code or a removed passkey still opens), the
     * days' last versions too, goes in the same transaction. It cannot be undone, so it needs a recent passkey sign-in.
     */
    private void rotate(Context ctx) {
        String accountId = sessions.requireRecent(ctx, clock.getAsLong()).accountId();
        if (ctx.header("If-Match") == null) {
            throw new ApiException(428, "precondition_required", "Send If-Match with the ETag of the backup whose"
                    + " keys you are rotating");
        }
        write(ctx, accountId, 1, 0, Activity.KEYS_ROTATED);
    }

    private void write(Context ctx, String accountId, int keep, int keepDays, String kind) {
        String ifMatch = ctx.header("If-Match");
        String ifNoneMatch = ctx.header("If-None-Match");
        Long expected;
        if (ifNoneMatch != null && ifNoneMatch.trim().equals("*") && ifMatch == null) {
            expected = null;
        } else if (ifMatch != null && ifNoneMatch == null) {
            expected = parseEtag(ifMatch);
        } else {
            throw new ApiException(428, "precondition_required", "Send If-None-Match: * to create the backup, or"
                    + " If-Match with the ETag of the backup you are replacing");
        }
        byte[] body = Bodies.read(ctx, maxBytes);
        try {
            EnvelopeValidator.check(body);
        } catch (InvalidEnvelopeException e) {
            throw ApiException.badRequest("invalid_envelope", "This is not a Fob backup envelope: " + e.getMessage());
        }
        if (expected != null) {
            requireRecentForNewKeys(ctx, accountId, expected, body);
        }
        long version;
        try {
            version = backups.writeBackup(accountId, expected, body, keep, keepDays, quota, clock.getAsLong(),
                    written -> activity.event(kind, ctx, "version " + written + ", " + body.length
                            + " bytes"));
        } catch (QuotaExceededException e) {
            throw quotaError(e, body.length);
        } catch (PreconditionFailedException e) {
            backups.currentBackup(accountId).ifPresent(current -> ctx.header("ETag", etag(current.version())));
            throw new ApiException(412, "precondition_failed", "The backup changed since you read it ("
                    + e.getMessage() + "); read it again and merge");
        }
        activity.counted(kind);
        metrics.backupWritten(body.length);
        changes.publish(accountId, version);
        ctx.header("ETag", etag(version));
        ObjectNode result = Json.object();
        result.put("version", version);
        Json.send(ctx, expected == null ? 201 : 200, result);
    }

    /**
     * A write that changes the header's keys (its lineage, slots or key chain; HeaderKeys) could swap in a slot
     * whose key the writer chose, and every device would then seal its vault to that key: anyone with a stolen
     * session cookie could do it. So it needs a passkey sign-in within the last 5 minutes, like a rotation; a write
     * of the same header with new content needs only the session.
     *
     * <p>The header is compared with the version If-Match names, when that is the current one, read before the
     * conditional write rather than in its transaction. That is enough: the write succeeds only if that version is
     * still the current one when it commits, and version numbers are never reused, so the body compared is the
     * body replaced. If another write came in between, the conditional write fails with 412 whatever the header
     * says, and when If-Match names no current version the answer is that same 412, so nothing is checked here.
     */
    private void requireRecentForNewKeys(Context ctx, String accountId, long expected, byte[] body) {
        Optional<BackupVersion> current = backups.currentBackup(accountId);
        if (current.isPresent() && current.get().version() == expected
                && !HeaderKeys.same(current.get().body(), body)) {
            sessions.requireRecent(ctx, clock.getAsLong());
        }
    }

    private static ApiException quotaError(QuotaExceededException e, long size) {
        if (e.quota() == QuotaExceededException.Quota.ACCOUNT) {
            return new ApiException(507, "account_storage_full", "This backup (" + size + " bytes) is larger than"
                    + " the " + e.limit() + " bytes this server keeps for one recovery account");
        }
        return new ApiException(507, "server_storage_full", "This server has no room for more backups (it keeps"
                + " at most " + e.limit() + " bytes in all); your backup was not changed. Tell whoever runs it");
    }

    /** Deleting every version, for every device, cannot be undone: it needs a passkey sign-in within 5 minutes. */
    private void delete(Context ctx) {
        String accountId = sessions.requireRecent(ctx, clock.getAsLong()).accountId();
        if (!backups.deleteBackup(accountId)) {
            throw new ApiException(404, "no_backup", "There is no backup to delete");
        }
        activity.record(accountId, Activity.BACKUP_DELETED, ctx, "the backup and its history");
        changes.publish(accountId, null);
        ctx.status(204);
    }

    /** Earlier versions go for good: like deleting the backup, it needs a recent passkey sign-in. */
    private void deleteHistory(Context ctx) {
        String accountId = sessions.requireRecent(ctx, clock.getAsLong()).accountId();
        int deleted = backups.deleteHistory(accountId);
        activity.record(accountId, Activity.HISTORY_DELETED, ctx, deleted + " earlier versions");
        ObjectNode result = Json.object();
        result.put("deleted", deleted);
        Json.send(ctx, 200, result);
    }

    private void versions(Context ctx) {
        String accountId = account(ctx);
        Optional<BackupVersion> current = backups.currentBackup(accountId);
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (BackupSummary summary : backups.backupVersions(accountId)) {
            list.addObject().put("version", summary.version()).put("size", summary.size())
                    .put("createdAt", summary.createdAt())
                    .put("current", current.isPresent() && current.get().version() == summary.version());
        }
        ObjectNode body = Json.object();
        body.set("versions", list);
        Json.send(ctx, 200, body);
    }

    private void version(Context ctx) {
        String accountId = account(ctx);
        long number;
        try {
            number = Long.parseLong(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_version", "A version is a whole number");
        }
        BackupVersion version = backups.backupVersion(accountId, number)
                .orElseThrow(() -> new ApiException(404, "no_such_version", "There is no version " + number));
        recordRestore(ctx, accountId, Activity.VERSION_READ_TO_RESTORE, number);
        sendBody(ctx, version);
    }
}
