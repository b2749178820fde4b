package fob.backup;

import com.grack.nanojson.JsonObject;

/**
 * A slot of a type this version does not know (a newer Fob's way in): it opens nothing here, but it is kept, as
 * it was, whenever the header is written again, so that the newer Fob's users keep their way in.
 */
public final class UnknownSlot extends Slot {
    private final String type;
    private final JsonObject json;

    UnknownSlot(String type, JsonObject json) {
        super(new byte[0], new byte[0]);
        this.type = type;
        this.json = json;
    }

    @Override
    public String type() {
        return type;
    }

    /** The slot exactly as it was read. */
    JsonObject json() {
        return json;
    }
}
