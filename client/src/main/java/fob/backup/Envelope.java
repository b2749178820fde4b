package fob.backup;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.codec.Base64Url;
import fob.codec.EncodingException;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.text.Text;
import java.util.List;

/**
 * A backup as it travels and is stored: {@code {"fob": 5, "header", "nonce", "ciphertext"}}, the header being
 * written by {@link Header}. The payload is sealed with the header string, as it stands, for associated data: a
 * changed header (a slot swapped in, another lineage) fails to open. Version 3 adds sealed passkey slots and the
 * key chain of rotations; version 2
 * is the same without them, version 1 also without a lineage in the header. Version 4 is version 3 with the
 * payload compressed (gzip) before it is encrypted. Version 5 is version 4 with anchors in sealed passkey slots
 * ({@link SealedPasskeySlot#anchor}). All are still read.
 */
public final class Envelope {
    public static final int VERSION = 5;
    private static final int FIRST_VERSION = 1;
    private static final int SEALED_SLOTS_VERSION = 3;
    private static final int COMPRESSED_VERSION = 4;
    private static final int ANCHORS_VERSION = 5;

    private final int version;
    private final String header;
    private final Header parsedHeader;
    private final byte[] nonce;
    private final byte[] ciphertext;

    private Envelope(int version, String header, Header parsedHeader, byte[] nonce, byte[] ciphertext) {
        this.version = version;
        this.header = header;
        this.parsedHeader = parsedHeader;
        this.nonce = nonce.clone();
        this.ciphertext = ciphertext.clone();
    }

    /** The header string (base64url), exactly as it stands in the envelope: the associated data. */
    public String header() {
        return header;
    }

    public Header parsedHeader() {
        return parsedHeader;
    }

    public List<Slot> slots() {
        return parsedHeader.slots();
    }

    /** The backup's lineage, or null (an export, or a version-1 backup). */
    public String lineage() {
        return parsedHeader.lineage();
    }

    /** Whether the ciphertext holds the payload's gzip (version 4 on) rather than the payload itself. */
    public boolean compressed() {
        return version >= COMPRESSED_VERSION;
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    static Envelope of(String header, byte[] nonce, byte[] ciphertext) throws BackupException {
        return new Envelope(VERSION, header, Header.parse(header), nonce, ciphertext);
    }

    /** The header string for these slots, without a lineage (an export's). */
    public static String writeHeader(List<Slot> slots) {
        return new Header(null, slots).write();
    }

    public String toJson() {
        JsonObject json = new JsonObject();
        json.put("fob", version);
        json.put("header", header);
        json.put("nonce", Base64Url.encode(nonce));
        json.put("ciphertext", Base64Url.encode(ciphertext));
        return JsonWriter.string(json);
    }

    public static Envelope parse(String text) throws BackupException {
        try {
            JsonObject json = Json.parseObject(text);
            Long version = toLong(json.get("fob"));
            if (version == null || version < FIRST_VERSION || version > VERSION) {
                throw new BackupException(Text.t("This is not a Fob backup of a version this Fob can read"));
            }
            byte[] nonce = Base64Url.decode(Json.string(json, "nonce"));
            byte[] ciphertext = Base64Url.decode(Json.string(json, "ciphertext"));
            if (nonce.length != EnvelopeLimits.NONCE_BYTES || ciphertext.length < EnvelopeLimits.TAG_BYTES) {
                throw new BackupException(Text.t("The backup is damaged (its nonce or ciphertext has the wrong size)"));
            }
            String header = Json.string(json, "header");
            Header parsed = Header.parse(header);
            if (version == FIRST_VERSION && parsed.lineage() != null) {
                throw new BackupException(Text.t("A version-1 backup has no lineage"));
            }
            for (Slot slot : parsed.slots()) {
                if (version < SEALED_SLOTS_VERSION && slot instanceof SealedPasskeySlot) {
                    throw new BackupException(Text.t("A version-{0} backup has no sealed passkey slots", version));
                }
                if (version < ANCHORS_VERSION && slot instanceof SealedPasskeySlot
                        && ((SealedPasskeySlot) slot).hasAnchor()) {
                    throw new BackupException(Text.t("A version-{0} backup has no anchors", version));
                }
            }
            if (version < SEALED_SLOTS_VERSION && !parsed.previousKeys().isEmpty()) {
                throw new BackupException(Text.t("A version-{0} backup has no key chain", version));
            }
            return new Envelope(version.intValue(), header, parsed, nonce, ciphertext);
        } catch (JsonFormatException | EncodingException e) {
            throw new BackupException(Text.t("The backup is damaged: {0}", e.getMessage()));
        }
    }

    private static Long toLong(Object value) {
        return value instanceof Number ? Long.valueOf(((Number) value).longValue()) : null;
    }
}
