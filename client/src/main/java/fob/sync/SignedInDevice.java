package fob.sync;

import fob.text.Text;
import java.util.function.LongFunction;

/** One device signed in to the recovery account (docs/api.md, "Sessions"). */
public final class SignedInDevice {
    public final String id;
    public final String name;
    public final long createdAt;
    public final long lastSeenAt;
    /** Whether it is this browser. */
    public final boolean current;

    SignedInDevice(String id, String name, long createdAt, long lastSeenAt, boolean current) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.lastSeenAt = lastSeenAt;
        this.current = current;
    }

    /** The line Settings shows for it, with its date written by {@code date}. */
    public String describe(LongFunction<String> date) {
        return current ? Text.t("{0} (this device), last seen {1}", name, date.apply(lastSeenAt))
                : Text.t("{0}, last seen {1}", name, date.apply(lastSeenAt));
    }
}
