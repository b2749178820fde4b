package fob.web.backup;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.sync.BackupServer;
import fob.text.Text;
import fob.web.js.Http;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import java.util.ArrayList;
import java.util.List;

/** Fob's server API (docs/api.md), as typed calls. */
public final class ServerApi {
    /** A backup as the server holds it: the envelope's JSON and its ETag. */
    public static final class StoredBackup {
        public final String etag;
        public final String body;

        StoredBackup(String etag, String body) {
            this.etag = etag;
            this.body = body;
        }
    }

    /** One entry of the backup history. */
    public static final class Version {
        public final long number;
        public final int size;
        public final long createdAt;
        public final boolean current;

        Version(long number, int size, long createdAt, boolean current) {
            this.number = number;
            this.size = size;
            this.createdAt = createdAt;
            this.current = current;
        }
    }

    /** One passkey of the account. */
    public static final class PasskeyInfo {
        public final String id;
        public final long createdAt;
        /** When it last signed in; 0 for never. */
        public final long lastUsedAt;

        PasskeyInfo(String id, long createdAt, long lastUsedAt) {
            this.id = id;
            this.createdAt = createdAt;
            this.lastUsedAt = lastUsedAt;
        }
    }

    /** A 412: someone else wrote first; the current ETag, when there is a backup. */
    public static final class PreconditionFailed extends Exception {
        public PreconditionFailed() {
            super("another device wrote first");
        }
    }

    static Http.Response call(String method, String path, String body, String precondition, String value)
            throws OfflineException {
        try {
            return Promises.await(Http.send(method, path, body, precondition, value));
        } catch (JsFailure e) {
            throw new OfflineException();
        }
    }

    private static JsonObject json(Http.Response response) throws ServerException {
        try {
            return Json.parseObject(response.getBody());
        } catch (JsonFormatException e) {
            throw new ServerException(response.getStatus(), "bad_response", Text.t("The server answered something Fob"
                    + " does not understand (HTTP {0})", response.getStatus()));
        }
    }

    static JsonObject expect(Http.Response response, int... statuses) throws ServerException {
        for (int status : statuses) {
            if (response.getStatus() == status) {
                return status == 204 ? new JsonObject() : json(response);
            }
        }
        throw failure(response);
    }

    private static ServerException failure(Http.Response response) {
        try {
            JsonObject error = Json.parseObject(response.getBody());
            Object limit = error.get("limit");
            String code = String.valueOf(error.get("error"));
            return new ServerException(response.getStatus(), code,
                    ServerErrors.describe(code, String.valueOf(error.get("message")), retryAfter(response)),
                    limit instanceof Number ? ((Number) limit).longValue() : -1);
        } catch (JsonFormatException e) {
            return new ServerException(response.getStatus(), "http_" + response.getStatus(),
                    Text.t("The server failed (HTTP {0})", response.getStatus()));

        }
    }

    /** The seconds a 429 asks to wait, or -1. */
    private static long retryAfter(Http.Response response) {
        String header = response.getRetryAfter();
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String post(String path, String body, int... statuses) throws OfflineException, ServerException {
        return JsonWriter.string(expect(call("POST", path, body, null, null), statuses));
    }

    /** The signed-in recovery account, or null when signed out. */
    public BackupServer.Account sessionAccount() throws OfflineException, ServerException {
        Http.Response response = call("GET", "/api/session", null, null, null);
        if (response.getStatus() == 401) {
            // A server from before signed-out became a 200.
            return null;
        }
        JsonObject body = expect(response, 200);
        return Boolean.FALSE.equals(body.get("signedIn")) ? null : account(body);
    }

    private static BackupServer.Account account(JsonObject body) {
        Object account = body.get("account");
        return account instanceof JsonObject ? new BackupServer.Account(((JsonObject) account).getString("id", ""),
                ((JsonObject) account).getString("name", "")) : new BackupServer.Account("", "");
    }

    public String registrationOptions(String name) throws OfflineException, ServerException {
        JsonObject request = new JsonObject();
        request.put("name", name);
        return post("/api/register/options", JsonWriter.string(request), 200);
    }

    /** Creates the account and signs in to it. */
    public BackupServer.Account register(String responseJson) throws OfflineException, ServerException {
        return account(expect(call("POST", "/api/register/verify", responseJson, null, null), 201));
    }

    /**
     * Options for a passkey sign-in again to the signed-in account only: they list its passkeys, and the server
     * refuses another account's passkey for them (403 other_account).
     */
    public String reauthenticationOptions() throws OfflineException, ServerException {
        return post("/api/signin/options", "{\"reauthenticate\":true}", 200);
    }

    public String signInOptions() throws OfflineException, ServerException {
        return post("/api/signin/options", "{}", 200);
    }

    /** Signs in; returns the account. */
    public BackupServer.Account signIn(String responseJson) throws OfflineException, ServerException {
        return account(expect(call("POST", "/api/signin/verify", responseJson, null, null), 200));
    }

    public void signOut() throws OfflineException, ServerException {
        expect(call("POST", "/api/signout", "{}", null, null), 204);
    }

    /** Deletes the signed-in recovery account with everything the server keeps of it. */
    public void deleteAccount() throws OfflineException, ServerException {
        expect(call("DELETE", "/api/account", null, null, null), 204);
    }

    public List<PasskeyInfo> passkeys() throws OfflineException, ServerException {
        JsonArray array = expect(call("GET", "/api/passkeys", null, null, null), 200).getArray("passkeys");
        List<PasskeyInfo> passkeys = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            JsonObject passkey = array.getObject(i);
            passkeys.add(new PasskeyInfo(passkey.getString("id"), passkey.getLong("createdAt"),
                    passkey.getLong("lastUsedAt", 0)));
        }
        return passkeys;
    }

    public String addPasskeyOptions() throws OfflineException, ServerException {
        return post("/api/passkeys/options", "{}", 200);
    }

    public void addPasskey(String responseJson) throws OfflineException, ServerException {
        expect(call("POST", "/api/passkeys", responseJson, null, null), 201);
    }

    public void removePasskey(String id) throws OfflineException, ServerException {
        expect(call("DELETE", "/api/passkeys/" + id, null, null, null), 204);
    }

    /** The current backup, or null when there is none. */
    public StoredBackup backup() throws OfflineException, ServerException {
        return backupIfChanged(null);
    }

    /** The current backup if its ETag is not {@code knownEtag}; the same object with a null body when it is. */
    public StoredBackup backupIfChanged(String knownEtag) throws OfflineException, ServerException {
        return backup("/api/backup", knownEtag);
    }

    /** The current backup, or null, read to restore or merge it (recorded in the account's activity). */
    public StoredBackup backupToRestore() throws OfflineException, ServerException {
        return backup("/api/backup?restore=1", null);
    }

    private StoredBackup backup(String path, String knownEtag) throws OfflineException, ServerException {
        Http.Response response = call("GET", path, null, knownEtag == null ? null : "If-None-Match", knownEtag);
        if (response.getStatus() == 404) {
            return null;
        }
        if (response.getStatus() == 304) {
            return new StoredBackup(knownEtag, null);
        }
        if (response.getStatus() != 200) {
            throw failure(response);
        }
        return new StoredBackup(response.getEtag(), response.getBody());
    }

    /** Writes a backup over the one with {@code etag} (null: there must be none); returns the new ETag. */
    public String putBackup(String envelopeJson, String etag)
            throws OfflineException, ServerException, PreconditionFailed {
        Http.Response response = call("PUT", "/api/backup", envelopeJson, etag == null ? "If-None-Match" : "If-Match",
                etag == null ? "*" : etag);
        if (response.getStatus() == 412) {
            throw new PreconditionFailed();
        }
        expect(response, 200, 201);
        return response.getEtag();
    }

    /** Replaces the backup with {@code etag} by one under new keys, deleting every earlier version; the new ETag. */
    public String rotateBackup(String envelopeJson, String etag)
            throws OfflineException, ServerException, PreconditionFailed {
        Http.Response response = call("POST", "/api/backup/rotation", envelopeJson, "If-Match", etag);
        if (response.getStatus() == 412) {
            throw new PreconditionFailed();
        }
        expect(response, 200);
        return response.getEtag();
    }

    /** Deletes the backup and its history; true when there was one. */
    public boolean deleteBackup() throws OfflineException, ServerException {
        Http.Response response = call("DELETE", "/api/backup", null, null, null);
        if (response.getStatus() == 404) {
            return false;
        }
        expect(response, 204);
        return true;
    }

    /** The largest backup the server takes, in bytes. */
    public long backupLimit() throws OfflineException, ServerException {
        return expect(call("GET", "/api/backup/limit", null, null, null), 200).getLong("maxBytes");
    }

    public List<Version> versions() throws OfflineException, ServerException {
        JsonArray array = expect(call("GET", "/api/backup/versions", null, null, null), 200).getArray("versions");
        List<Version> versions = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            JsonObject v = array.getObject(i);
            versions.add(new Version(v.getLong("version"), v.getInt("size"), v.getLong("createdAt"),
                    v.getBoolean("current")));
        }
        return versions;
    }

    public String version(long number) throws OfflineException, ServerException {
        Http.Response response = call("GET", "/api/backup/versions/" + number + "?restore=1", null, null, null);
        if (response.getStatus() != 200) {
            throw failure(response);
        }
        return response.getBody();
    }
}
