package fob.sync;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The recovery account's signed-in devices and its activity, as Settings lists them (docs/api.md, "Sessions" and
 * "Activity"). Signing devices out is a revocation: {@link RecoveryAccount} makes it, through {@link AccountServer}.
 */
public final class SecurityApi {
    private final ServerApi api;

    public SecurityApi(ServerApi api) {
        this.api = api;
    }

    public List<SignedInDevice> devices() throws ServerFailure {
        JsonArray array = ServerAnswers.expect(api.call("GET", "/api/sessions", null), 200).getArray("sessions");
        List<SignedInDevice> devices = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            JsonObject session = array.getObject(i);
            devices.add(new SignedInDevice(session.getString("id", ""), session.getString("device", ""),
                    session.getLong("createdAt", 0), session.getLong("lastSeenAt", 0),
                    session.getBoolean("current", false)));
        }
        return devices;
    }

    public void rename(String id, String name) throws ServerFailure {
        JsonObject body = new JsonObject();
        body.put("device", name);
        ServerAnswers.expect(api.call("PATCH", "/api/sessions/" + id, JsonWriter.string(body)), 204);
    }

    public List<AccountEvent> activity() throws ServerFailure {
        JsonArray array = ServerAnswers.expect(api.call("GET", "/api/activity", null), 200).getArray("events");
        List<AccountEvent> events = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            JsonObject event = array.getObject(i);
            events.add(new AccountEvent(event.getLong("at", 0), event.getString("kind", ""),
                    event.getString("address", ""), event.getString("detail", "")));
        }
        return events;
    }
}
