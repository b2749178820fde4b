package fob.backup;

/**
 * The sizes an envelope's fields may have, defined here once for the page, the worker and the tests; the server's
 * validator has its own copy (it does not link the client), and EnvelopeLimitsTest on the server pins the two.
 */
public final class EnvelopeLimits {
    public static final int MAX_SLOTS = 16;
    public static final int NONCE_BYTES = 12;
    /** A 32-byte key sealed by AES-256-GCM: the key and its 16-byte tag. */
    public static final int WRAPPED_KEY_BYTES = 32 + 16;
    public static final int TAG_BYTES = 16;
    public static final int LINEAGE_BYTES = 16;
    public static final int MIN_CREDENTIAL_ID_BYTES = 1;
    public static final int MAX_CREDENTIAL_ID_BYTES = 1023;
    public static final int RECOVERY_CODE_SALT_BYTES = 16;
    public static final int MIN_PASSWORD_SALT_BYTES = 16;
    public static final int MAX_PASSWORD_SALT_BYTES = 64;
    public static final int MIN_MEMORY_KIB = 8;
    public static final int MAX_MEMORY_KIB = 1 << 20;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;
    /** A P-256 public key, uncompressed: 0x04, x, y. */
    public static final int EC_PUBLIC_KEY_BYTES = 65;
    /** A 32-byte P-256 private scalar sealed by AES-256-GCM, with its tag. */
    public static final int WRAPPED_PRIVATE_KEY_BYTES = 32 + 16;
    /** A sealed slot's anchor: the 32-byte key it vouches for, sealed, tag included (version 5). */
    public static final int ANCHOR_BYTES = 32 + 16;
    /** The key chain keeps this many rotations: a device that missed more restores with its recovery code. */
    public static final int MAX_PREVIOUS_KEYS = 16;
    /** The longest slot type a reader keeps when it does not know it. */
    public static final int MAX_TYPE_LENGTH = 64;

    private EnvelopeLimits() {
    }
}
