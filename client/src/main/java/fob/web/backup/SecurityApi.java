package fob.web.backup;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/** The recovery account's signed-in devices and its activity (docs/api.md, "Sessions" and "Activity"). */
public final class SecurityApi {
    /** One signed-in device. */
    public static final class Device {
        public final String id;
        public final String name;
        public final long createdAt;
        public final long lastSeenAt;
        public final boolean current;

        Device(String id, String name, long createdAt, long lastSeenAt, boolean current) {
            this.id = id;
            this.name = name;
            this.createdAt = createdAt;
            this.lastSeenAt = lastSeenAt;
            this.current = current;
        }
    }

    /** One event of the activity list. */
    public static final class Event {
        public final long at;
        public final String kind;
        public final String address;
        public final String detail;

        Event(long at, String kind, String address, String detail) {
            this.at = at;
            this.kind = kind;
            this.address = address;
            this.detail = detail;
        }
    }

    public List<Device> devices() throws OfflineException, ServerException {
        JsonArray array = ServerApi.expect(ServerApi.call("GET", "/api/sessions", null, null, null), 200)
                .getArray("sessions");
        List<Device> devices = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            JsonObject session = array.getObject(i);
            devices.add(new Device(session.getString("id", ""), session.getString("device", ""),
                    session.getLong("createdAt", 0), session.getLong("lastSeenAt", 0),
                    session.getBoolean("current", false)));
        }
        return devices;
    }

    /** Signs the device out (this one too, when it is this one's id). */
    public void signOut(String id) throws OfflineException, ServerException {
        ServerApi.expect(ServerApi.call("DELETE", "/api/sessions/" + id, null, null, null), 204);
    }

    /** Signs out every other device; returns how many were signed in. */
    public int signOutEverywhereElse() throws OfflineException, ServerException {
        return ServerApi.expect(ServerApi.call("DELETE", "/api/sessions", null, null, null), 200).getInt("ended", 0);
    }

    public void rename(String id, String name) throws OfflineException, ServerException {
        JsonObject body = new JsonObject();
        body.put("device", name);
        ServerApi.expect(ServerApi.call("PATCH", "/api/sessions/" + id, JsonWriter.string(body), null, null), 204);
    }

    public List<Event> activity() throws OfflineException, ServerException {
        JsonArray array = ServerApi.expect(ServerApi.call("GET", "/api/activity", null, null, null), 200)
                .getArray("events");
        List<Event> events = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            JsonObject event = array.getObject(i);
            events.add(new Event(event.getLong("at", 0), event.getString("kind", ""), event.getString("address", ""),
                    event.getString("detail", "")));
        }
        return events;
    }
}
