package fob.sync;

import fob.text.Text;
import java.util.function.LongFunction;

/** One passkey of the recovery account (docs/api.md, "Passkeys"). */
public final class PasskeyInfo {
    public final String id;
    public final long createdAt;
    /** When it last signed in; 0 for never. */
    public final long lastUsedAt;

    PasskeyInfo(String id, long createdAt, long lastUsedAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
    }

    /** The line Settings shows for it, with dates written by {@code date}. */
    public String describe(LongFunction<String> date) {
        return lastUsedAt > 0
                ? Text.t("Passkey added {0}, last used {1}", date.apply(createdAt), date.apply(lastUsedAt))
                : Text.t("Passkey added {0}, never used to sign in", date.apply(createdAt));
    }
}
