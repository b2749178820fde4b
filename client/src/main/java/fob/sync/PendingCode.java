package fob.sync;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.RecoveryCode;
import fob.codec.Base64Url;
import fob.codec.EncodingException;
import fob.codec.TextSplit;

/**
 * A recovery code that the person has not yet confirmed saving, kept (encrypted) in this browser from before the
 * request that makes it the backup's code until "I have saved it": a lost response, a failed write to storage or a
 * reload must never leave the person without a code that opens the backup (docs/security.md, "Active server").
 *
 * <p>The code is sealed under the vault key it opens ({@code codeUnderNew}); for a key rotation not yet finished on
 * this device, the new vault key is sealed under the one this browser holds ({@code newKeyUnderOld}), so that a
 * rotation the server committed can be finished after its response was lost. {@code header} is the header the
 * write carried: the server's backup is this write's when its header is this one. Immutable.
 */
public final class PendingCode {
    private static final String CODE_DATA = "fob pending recovery code v1";
    private static final String KEY_DATA = "fob pending vault key v1";

    final String header;
    /** The revision the write carried. */
    final long revision;
    private final byte[] newKeyUnderOld;
    private final byte[] codeUnderNew;
    /**
     * A rotation made from a browser that does not back up to this backup (backup off here): it never adopts the new
     * key, and its code is shown once the server is known to hold the rotation ({@link #committed}).
     */
    final boolean outside;
    /** For a rotation from outside: the server is known to have taken it. */
    final boolean committed;

    private PendingCode(String header, long revision, byte[] newKeyUnderOld, byte[] codeUnderNew) {
        this(header, revision, newKeyUnderOld, codeUnderNew, false, false);
    }

    private PendingCode(String header, long revision, byte[] newKeyUnderOld, byte[] codeUnderNew, boolean outside,
            boolean committed) {
        this.outside = outside;
        this.committed = committed;
        this.header = header;
        this.revision = revision;
        this.newKeyUnderOld = newKeyUnderOld;
        this.codeUnderNew = codeUnderNew;
    }

    /** For a new backup under {@code vaultKey}, the key this browser holds already. */
    static PendingCode forNewBackup(BackupCodec codec, String header, byte[] vaultKey, byte[] code) {
        return new PendingCode(header, 1, null, codec.sealSecret(vaultKey, CODE_DATA, code));
    }

    /** For a rotation from {@code oldKey} (held here) to {@code newKey}. */
    static PendingCode forRotation(BackupCodec codec, String header, long revision, byte[] oldKey, byte[] newKey,
            byte[] code) {
        return new PendingCode(header, revision, codec.sealSecret(oldKey, KEY_DATA, newKey),
                codec.sealSecret(newKey, CODE_DATA, code));
    }

    /**
     * For a rotation from outside: the new key sealed under {@code heldKey}, this browser's own vault key (it holds
     * none of the backup's), the code under the new key.
     */
    static PendingCode forRotationFromOutside(BackupCodec codec, String header, long revision, byte[] heldKey,
            byte[] newKey, byte[] code) {
        return new PendingCode(header, revision, codec.sealSecret(heldKey, KEY_DATA, newKey),
                codec.sealSecret(newKey, CODE_DATA, code), true, false);
    }

    /** The same rotation from outside, now known to be held by the server. */
    PendingCode committedOutside() {
        return new PendingCode(header, revision, newKeyUnderOld, codeUnderNew, true, true);
    }

    /** Whether this is a rotation this browser has not adopted the new key of yet. */
    boolean awaitsAdoption() {
        return newKeyUnderOld != null;
    }

    /** The same code, once this browser holds the key it opens (it joined the backup, from outside too). */
    PendingCode adopted() {
        return new PendingCode(header, revision, null, codeUnderNew);
    }

    /** The code, printed, given the key this browser holds: the new key itself, or the one the new key is under. */
    String codeWithHeldKey(BackupCodec codec, byte[] heldKey) throws BackupException {
        return code(codec, awaitsAdoption() ? newKey(codec, heldKey) : heldKey);
    }

    /** The rotation's new vault key, given the key this browser held before it. */
    byte[] newKey(BackupCodec codec, byte[] oldKey) throws BackupException {
        return codec.openSecret(oldKey, KEY_DATA, newKeyUnderOld);
    }

    /** The code, printed, given the vault key it opens; throws when {@code vaultKey} is not that key. */
    String code(BackupCodec codec, byte[] vaultKey) throws BackupException {
        return RecoveryCode.format(codec.openSecret(vaultKey, CODE_DATA, codeUnderNew));
    }

    /**
     * The stored form (docs/formats.md, the key {@code backup}): header, revision, sealed key or "-", sealed code,
     * space-separated; then "outside" or "outside-committed" for a rotation from outside.
     */
    public String write() {
        return header + " " + revision + " " + (newKeyUnderOld == null ? "-" : Base64Url.encode(newKeyUnderOld))
                + " " + Base64Url.encode(codeUnderNew) + (outside ? committed ? " outside-committed" : " outside" : "");
    }

    /** The stored form read back; null for none, or for a form that does not read (then no code can be shown). */
    public static PendingCode read(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = TextSplit.split(text, ' ').toArray(new String[0]);
        if (parts.length < 4 || parts.length > 5 || parts[0].isEmpty()) {
            return null;
        }
        String where = parts.length == 5 ? parts[4] : "";
        try {
            return new PendingCode(parts[0], Long.parseLong(parts[1]), parts[2].equals("-") ? null
                    : Base64Url.decode(parts[2]), Base64Url.decode(parts[3]), where.startsWith("outside"),
                    where.equals("outside-committed"));
        } catch (EncodingException | NumberFormatException e) {
            return null;
        }
    }
}
