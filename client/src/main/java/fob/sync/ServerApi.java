package fob.sync;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Fob's server API (docs/api.md) as typed calls over the page's {@link HttpTransport}: the recovery account, its
 * passkeys and sessions, and its backup, which the sync core reads and writes through {@link BackupServer}. What each
 * answer means is decided here and in {@link ServerAnswers}; the transport only carries it.
 */
public final class ServerApi implements BackupServer, AccountServer {
    private final HttpTransport http;

    public ServerApi(HttpTransport http) {
        this.http = http;
    }

    HttpTransport.Response call(String method, String path, String body) throws ServerFailure {
        return http.send(method, path, body, null, null);
    }

    private String post(String path, String body, int... statuses) throws ServerFailure {
        return JsonWriter.string(ServerAnswers.expect(call("POST", path, body), statuses));
    }

    /** The signed-in recovery account, or null when signed out. */
    @Override
    public Account session() throws ServerFailure {
        HttpTransport.Response response = call("GET", "/api/session", null);
        if (response.status == 401) {
            // A server from before signed-out became a 200.
            return null;
        }
        JsonObject body = ServerAnswers.expect(response, 200);
        return Boolean.FALSE.equals(body.get("signedIn")) ? null : account(body);
    }

    private static Account account(JsonObject body) {
        Object account = body.get("account");
        return account instanceof JsonObject ? new Account(((JsonObject) account).getString("id", ""),
                ((JsonObject) account).getString("name", "")) : new Account("", "");
    }

    public String registrationOptions(String name) throws ServerFailure {
        JsonObject request = new JsonObject();
        request.put("name", name);
        return post("/api/register/options", JsonWriter.string(request), 200);
    }

    /** Creates the account and signs in to it. */
    public Account register(String responseJson) throws ServerFailure {
        return account(ServerAnswers.expect(call("POST", "/api/register/verify", responseJson), 201));
    }

    /**
     * Options for a passkey sign-in again to the signed-in account only: they list its passkeys, and the server
     * refuses another account's passkey for them (403 other_account).
     */
    public String reauthenticationOptions() throws ServerFailure {
        return post("/api/signin/options", "{\"reauthenticate\":true}", 200);
    }

    public String signInOptions() throws ServerFailure {
        return post("/api/signin/options", "{}", 200);
    }

    /** Signs in; returns the account. */
    public Account signIn(String responseJson) throws ServerFailure {
        return account(ServerAnswers.expect(call("POST", "/api/signin/verify", responseJson), 200));
    }

    @Override
    public void signOut() throws ServerFailure {
        ServerAnswers.expect(call("POST", "/api/signout", "{}"), 204);
    }

    @Override
    public void deleteAccount() throws ServerFailure {
        ServerAnswers.expect(call("DELETE", "/api/account", null), 204);
    }

    public List<PasskeyInfo> passkeys() throws ServerFailure {
        JsonArray array = ServerAnswers.expect(call("GET", "/api/passkeys", null), 200).getArray("passkeys");
        List<PasskeyInfo> passkeys = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            JsonObject passkey = array.getObject(i);
            passkeys.add(new PasskeyInfo(passkey.getString("id"), passkey.getLong("createdAt"),
                    passkey.getLong("lastUsedAt", 0)));
        }
        return passkeys;
    }

    public String addPasskeyOptions() throws ServerFailure {
        return post("/api/passkeys/options", "{}", 200);
    }

    public void addPasskey(String responseJson) throws ServerFailure {
        ServerAnswers.expect(call("POST", "/api/passkeys", responseJson), 201);
    }

    @Override
    public void removePasskey(String id) throws ServerFailure {
        ServerAnswers.expect(call("DELETE", "/api/passkeys/" + id, null), 204);
    }

    @Override
    public void endSession(String id) throws ServerFailure {
        ServerAnswers.expect(call("DELETE", "/api/sessions/" + id, null), 204);
    }

    @Override
    public int endOtherSessions() throws ServerFailure {
        return ServerAnswers.expect(call("DELETE", "/api/sessions", null), 200).getInt("ended", 0);
    }

    @Override
    public Stored get(String knownEtag) throws ServerFailure {
        return backup("/api/backup", knownEtag);
    }

    @Override
    public Stored getToRestore() throws ServerFailure {
        return backup("/api/backup?restore=1", null);
    }

    /** The backup, or null when there is none; a Stored with a null body when its ETag is still {@code knownEtag}. */
    private Stored backup(String path, String knownEtag) throws ServerFailure {
        HttpTransport.Response response = http.send("GET", path, null, knownEtag == null ? null : "If-None-Match",
                knownEtag);
        if (response.status == 404) {
            return null;
        }
        if (response.status == 304) {
            return new Stored(knownEtag, null);
        }
        if (response.status != 200) {
            throw ServerAnswers.failure(response);
        }
        return new Stored(response.etag, response.body);
    }

    @Override
    public String put(String envelopeJson, String etag) throws ServerFailure, Conflict {
        return written(http.send("PUT", "/api/backup", envelopeJson, etag == null ? "If-None-Match" : "If-Match",
                etag == null ? "*" : etag), 200, 201);
    }

    @Override
    public String rotate(String envelopeJson, String etag) throws ServerFailure, Conflict {
        return written(http.send("POST", "/api/backup/rotation", envelopeJson, "If-Match", etag), 200);
    }

    /** The new ETag of a write that named the version it replaces; a 412 is another device's write first. */
    private static String written(HttpTransport.Response response, int... statuses) throws ServerFailure, Conflict {
        if (response.status == 412) {
            throw new Conflict();
        }
        ServerAnswers.expect(response, statuses);
        return response.etag;
    }

    @Override
    public boolean delete() throws ServerFailure {
        HttpTransport.Response response = call("DELETE", "/api/backup", null);
        if (response.status == 404) {
            return false;
        }
        ServerAnswers.expect(response, 204);
        return true;
    }

    /** The largest backup the server takes, in bytes. */
    public long backupLimit() throws ServerFailure {
        return ServerAnswers.expect(call("GET", "/api/backup/limit", null), 200).getLong("maxBytes");
    }

    public List<BackupVersion> versions() throws ServerFailure {
        JsonArray array = ServerAnswers.expect(call("GET", "/api/backup/versions", null), 200).getArray("versions");
        List<BackupVersion> versions = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            JsonObject v = array.getObject(i);
            versions.add(new BackupVersion(v.getLong("version"), v.getInt("size"), v.getLong("createdAt"),
                    v.getBoolean("current")));
        }
        return versions;
    }

    /** An earlier version's envelope, read to restore it (recorded in the account's activity). */
    public String version(long number) throws ServerFailure {
        HttpTransport.Response response = call("GET", "/api/backup/versions/" + number + "?restore=1", null);
        if (response.status != 200) {
            throw ServerAnswers.failure(response);
        }
        return response.body;
    }
}
