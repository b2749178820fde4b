package fob.backup;

import fob.crypto.Aead;
import fob.crypto.DecryptionException;
import fob.crypto.EcKeyPair;
import fob.crypto.Ecdh;
import fob.crypto.InvalidPointException;
import fob.text.Text;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Seals and opens backup envelopes and their slots (docs/formats.md, "The backup envelope"):
 * <ul>
 * <li>passkey slot: wrapping key = HKDF-SHA256(PRF output, salt empty, info "fob passkey slot v1" ||
 * credential id);
 * <li>recovery-code slot: wrapping key = HKDF-SHA256(the code's 20 bytes, the slot's 16-byte salt, info
 * "fob recovery-code slot v1");
 * <li>each slot: AES-256-GCM(wrapping key, its own nonce, no associated data, the 32-byte vault key);
 * <li>sealed passkey slot: a P-256 key pair; its private scalar is AES-256-GCM(HKDF-SHA256(PRF output, salt
 * empty, info "fob passkey key pair v3" || credential id), its own nonce, associated data = the public key); the
 * vault key is AES-256-GCM(HKDF-SHA256(ECDH(ephemeral, slot key), salt = ephemeral public || slot public, info
 * "fob passkey sealed slot v3" || credential id), nonce, no associated data); from version 5 its anchor is
 * AES-256-GCM(HKDF-SHA256(PRF output, salt empty, info "fob passkey anchor v5" || credential id), the anchor's own
 * nonce, associated data = the slot's public key, the vault key the slot vouches for);
 * <li>payload: AES-256-GCM(vault key, fresh nonce, associated data = the header string's ASCII bytes) of the
 * payload's gzip (from version 4; before, of the payload itself).
 * </ul>
 */
public final class BackupCodec {
    public static final int KEY_BYTES = 32;
    private static final byte[] PASSKEY_INFO = "fob passkey slot v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECOVERY_CODE_INFO = "fob recovery-code slot v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_PAIR_INFO = "fob passkey key pair v3".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEALED_SLOT_INFO = "fob passkey sealed slot v3".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANCHOR_INFO = "fob passkey anchor v5".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREVIOUS_KEY_DATA = "fob previous key v3".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_DATA = new byte[0];

    private final Aead crypto;
    /** Null where sealed slots are never met (the import worker). */
    private final Ecdh ecdh;
    private final Compression compression;

    public BackupCodec(Aead crypto) {
        this(crypto, null);
    }

    public BackupCodec(Aead crypto, Ecdh ecdh) {
        this(crypto, ecdh, GzipCompression.INSTANCE);
    }

    public BackupCodec(Aead crypto, Ecdh ecdh, Compression compression) {
        this.crypto = crypto;
        this.ecdh = ecdh;
        this.compression = compression;
    }

    private Ecdh ecdh() throws BackupException {
        if (ecdh == null) {
            throw new BackupException(Text.t("This part of Fob cannot open passkey slots"));
        }
        return ecdh;
    }

    public byte[] newVaultKey() {
        return crypto.random(KEY_BYTES);
    }

    public byte[] newRecoveryCode() {
        return crypto.random(RecoveryCode.BYTES);
    }

    byte[] passkeyWrappingKey(byte[] prfOutput, byte[] credentialId) {
        return crypto.hkdf(prfOutput, NO_DATA, concat(PASSKEY_INFO, credentialId), KEY_BYTES);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private byte[] sharedSecret(EcKeyPair own, byte[] peerPublic) throws BackupException {
        try {
            return ecdh().sharedSecret(own, peerPublic);
        } catch (InvalidPointException e) {
            throw new BackupException(e.getMessage() == null ? Text.t("A passkey slot's key is not a P-256 point")
                    : Text.t("A passkey slot's key is not a P-256 point ({0})", e.getMessage()));
        }
    }

    private byte[] sealedSlotKey(byte[] sharedSecret, byte[] ephemeralKey, byte[] publicKey, byte[] credentialId) {
        return crypto.hkdf(sharedSecret, concat(ephemeralKey, publicKey), concat(SEALED_SLOT_INFO, credentialId),
                KEY_BYTES);
    }

    /**
     * A sealed slot for a PRF-capable passkey: a new key pair, its private key wrapped by the PRF output, and an
     * anchor on {@code vaultKey}: whoever holds this passkey vouches for that key.
     */
    public SealedPasskeySlot sealedPasskeySlot(byte[] vaultKey, byte[] credentialId, byte[] prfOutput)
            throws BackupException {
        return anchored(sealedPasskeySlotWithoutAnchor(vaultKey, credentialId, prfOutput), vaultKey, prfOutput);
    }

    /** A sealed slot as versions 3 and 4 wrote it, with no anchor. Only for the test vectors of those versions. */
    SealedPasskeySlot sealedPasskeySlotWithoutAnchor(byte[] vaultKey, byte[] credentialId, byte[] prfOutput)
            throws BackupException {
        EcKeyPair pair = ecdh().newKeyPair();
        byte[] privateKeyNonce = crypto.random(12);
        byte[] wrappingKey = crypto.hkdf(prfOutput, NO_DATA, concat(KEY_PAIR_INFO, credentialId), KEY_BYTES);
        byte[] wrappedPrivateKey = crypto.seal(wrappingKey, privateKeyNonce, pair.publicKey(), pair.privateKey());
        return sealTo(credentialId, pair.publicKey(), privateKeyNonce, wrappedPrivateKey, vaultKey, null, null);
    }

    /**
     * The same slot, the vault key sealed to it unchanged, with its anchor on {@code vaultKey} (replacing any it had):
     * needs the passkey's PRF output, so only a device that holds the passkey can write it.
     */
    public SealedPasskeySlot anchored(SealedPasskeySlot slot, byte[] vaultKey, byte[] prfOutput) {
        byte[] anchorNonce = crypto.random(12);
        byte[] anchor = crypto.seal(anchorKey(prfOutput, slot.credentialId()), anchorNonce, slot.publicKey(), vaultKey);
        return new SealedPasskeySlot(slot.credentialId(), slot.publicKey(), slot.privateKeyNonce(),
                slot.wrappedPrivateKey(), slot.ephemeralKey(), slot.nonce(), slot.wrappedKey(), anchorNonce, anchor);
    }

    private byte[] anchorKey(byte[] prfOutput, byte[] credentialId) {
        return crypto.hkdf(prfOutput, NO_DATA, concat(ANCHOR_INFO, credentialId), KEY_BYTES);
    }

    /**
     * The vault key a sealed slot's anchor vouches for, opened with its passkey's PRF output; null when the slot has
     * no anchor (written before version 5). An anchor that does not open was not written with this passkey: it
     * throws.
     */
    public byte[] anchorOf(SealedPasskeySlot slot, byte[] prfOutput) throws BackupException {
        if (!slot.hasAnchor()) {
            return null;
        }
        try {
            return crypto.open(anchorKey(prfOutput, slot.credentialId()), slot.anchorNonce(), slot.publicKey(),
                    slot.anchor());
        } catch (DecryptionException e) {
            throw new UntrustedBackupException();
        }
    }

    /**
     * The same passkey's slot with {@code vaultKey} sealed to it instead: no passkey needed (a key rotation). The
     * anchor stays as it was: the key chain leads from the new key to it.
     */
    public SealedPasskeySlot resealed(SealedPasskeySlot slot, byte[] vaultKey) throws BackupException {
        return sealTo(slot.credentialId(), slot.publicKey(), slot.privateKeyNonce(), slot.wrappedPrivateKey(),
                vaultKey, slot.anchorNonce(), slot.anchor());
    }

    private SealedPasskeySlot sealTo(byte[] credentialId, byte[] publicKey, byte[] privateKeyNonce,
            byte[] wrappedPrivateKey, byte[] vaultKey, byte[] anchorNonce, byte[] anchor) throws BackupException {
        EcKeyPair ephemeral = ecdh().newKeyPair();
        byte[] key = sealedSlotKey(sharedSecret(ephemeral, publicKey), ephemeral.publicKey(), publicKey,
                credentialId);
        byte[] nonce = crypto.random(12);
        return new SealedPasskeySlot(credentialId, publicKey, privateKeyNonce, wrappedPrivateKey,
                ephemeral.publicKey(), nonce, crypto.seal(key, nonce, NO_DATA, vaultKey), anchorNonce, anchor);
    }

    private byte[] openSealed(SealedPasskeySlot slot, byte[] prfOutput) throws BackupException {
        byte[] credentialId = slot.credentialId();
        byte[] wrappingKey = crypto.hkdf(prfOutput, NO_DATA, concat(KEY_PAIR_INFO, credentialId), KEY_BYTES);
        try {
            byte[] privateKey = crypto.open(wrappingKey, slot.privateKeyNonce(), slot.publicKey(),
                    slot.wrappedPrivateKey());
            byte[] shared = sharedSecret(new EcKeyPair(privateKey, slot.publicKey()), slot.ephemeralKey());
            return crypto.open(sealedSlotKey(shared, slot.ephemeralKey(), slot.publicKey(), credentialId),
                    slot.nonce(), NO_DATA, slot.wrappedKey());
        } catch (DecryptionException e) {
            throw new BackupException(Text.t("This passkey's key does not open the backup; use your recovery code"));
        }
    }

    byte[] recoveryCodeWrappingKey(byte[] code, byte[] salt) {
        return crypto.hkdf(code, salt, RECOVERY_CODE_INFO, KEY_BYTES);
    }

    public PasskeySlot passkeySlot(byte[] vaultKey, byte[] credentialId, byte[] prfOutput) {
        byte[] nonce = crypto.random(12);
        return new PasskeySlot(credentialId, nonce,
                crypto.seal(passkeyWrappingKey(prfOutput, credentialId), nonce, NO_DATA, vaultKey));
    }

    public RecoveryCodeSlot recoveryCodeSlot(byte[] vaultKey, byte[] code) {
        byte[] salt = crypto.random(16);
        byte[] nonce = crypto.random(12);
        return new RecoveryCodeSlot(salt, nonce,
                crypto.seal(recoveryCodeWrappingKey(code, salt), nonce, NO_DATA, vaultKey));
    }

    /** A password slot, given the key that Argon2id derived from the password with the slot's parameters. */
    public PasswordSlot passwordSlot(byte[] vaultKey, byte[] passwordKey, int memoryKiB, int iterations,
            int parallelism, byte[] salt) {
        byte[] nonce = crypto.random(12);
        return new PasswordSlot(memoryKiB, iterations, parallelism, salt, nonce,
                crypto.seal(passwordKey, nonce, NO_DATA, vaultKey));
    }

    /**
     * Seals the payload, compressed, under the vault key, with the header (from {@link Envelope#writeHeader})
     * authenticated.
     */
    public Envelope seal(byte[] vaultKey, String header, byte[] payload) throws BackupException {
        return sealPlaintext(vaultKey, header, compression.compress(payload));
    }

    /** As envelopes before version 4 held it: the payload as it is. Only for the test vectors of those versions. */
    Envelope sealUncompressed(byte[] vaultKey, Header header, byte[] payload) throws BackupException {
        return sealPlaintext(vaultKey, header.write(), payload);
    }

    private Envelope sealPlaintext(byte[] vaultKey, String header, byte[] plaintext) throws BackupException {
        byte[] nonce = crypto.random(12);
        return Envelope.of(header, nonce, crypto.seal(vaultKey, nonce, header.getBytes(StandardCharsets.US_ASCII),
                plaintext));
    }

    public Envelope seal(byte[] vaultKey, List<Slot> slots, byte[] payload) throws BackupException {
        return seal(vaultKey, Envelope.writeHeader(slots), payload);
    }

    public Envelope seal(byte[] vaultKey, Header header, byte[] payload) throws BackupException {
        return seal(vaultKey, header.write(), payload);
    }

    /** A link of the key chain: {@code oldKey} sealed under {@code newKey} (associated data "fob previous key v3"). */
    public PreviousKey previousKey(byte[] newKey, byte[] oldKey) {
        byte[] nonce = crypto.random(12);
        return new PreviousKey(nonce, crypto.seal(newKey, nonce, PREVIOUS_KEY_DATA, oldKey));
    }

    /**
     * Whether {@code newKey} descends from {@code heldKey} through the header's key chain: opening each link with the
     * key after it reaches {@code heldKey}. Only someone who held that key can have made such a chain.
     */
    public boolean descendsFrom(Header header, byte[] newKey, byte[] heldKey) {
        byte[] key = newKey;
        for (PreviousKey link : header.previousKeys()) {
            try {
                key = crypto.open(key, link.nonce(), PREVIOUS_KEY_DATA, link.wrappedKey());
            } catch (DecryptionException e) {
                return false;
            }
            if (Arrays.equals(key, heldKey)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code secret} sealed for this browser's own storage under {@code key}, with {@code purpose} (ASCII) as
     * associated data: the 12-byte nonce followed by the AES-256-GCM ciphertext.
     */
    public byte[] sealSecret(byte[] key, String purpose, byte[] secret) {
        byte[] nonce = crypto.random(12);
        return concat(nonce, crypto.seal(key, nonce, purpose.getBytes(StandardCharsets.US_ASCII), secret));
    }

    /** What {@link #sealSecret} sealed; throws when {@code key} or {@code purpose} is not what it was sealed with. */
    public byte[] openSecret(byte[] key, String purpose, byte[] sealed) throws BackupException {
        if (sealed.length < 12 + EnvelopeLimits.TAG_BYTES) {
            throw new BackupException(Text.t("A secret kept in this browser is damaged"));
        }
        try {
            return crypto.open(key, Arrays.copyOf(sealed, 12), purpose.getBytes(StandardCharsets.US_ASCII),
                    Arrays.copyOfRange(sealed, 12, sealed.length));
        } catch (DecryptionException e) {
            throw new BackupException(Text.t("A secret kept in this browser does not open with this key"));
        }
    }

    /** A new lineage, for a backup being made for the first time. */
    public String newLineage() {
        return Header.newLineage(crypto);
    }

    /** The payload: decrypted, and expanded when the envelope's version compresses it. */
    public byte[] open(Envelope envelope, byte[] vaultKey) throws BackupException {
        byte[] plaintext;
        try {
            plaintext = crypto.open(vaultKey, envelope.nonce(), envelope.header().getBytes(StandardCharsets.US_ASCII),
                    envelope.ciphertext());
        } catch (DecryptionException e) {
            throw new BackupException(Text.t("The backup does not open with this key, or it was changed"));
        }
        return envelope.compressed() ? compression.expand(plaintext, BackupPayload.MAX_BYTES) : plaintext;
    }

    /** The vault key, through the passkey slot of {@code credentialId} and that passkey's PRF output. */
    public byte[] vaultKeyFromPasskey(Envelope envelope, byte[] credentialId, byte[] prfOutput) throws BackupException {
        for (Slot slot : envelope.slots()) {
            if (slot instanceof SealedPasskeySlot
                    && Arrays.equals(((SealedPasskeySlot) slot).credentialId(), credentialId)) {
                return openSealed((SealedPasskeySlot) slot, prfOutput);
            }
            if (slot instanceof PasskeySlot && Arrays.equals(((PasskeySlot) slot).credentialId(), credentialId)) {
                try {
                    return crypto.open(passkeyWrappingKey(prfOutput, credentialId), slot.nonce(), NO_DATA,
                            slot.wrappedKey());
                } catch (DecryptionException e) {
                    throw new BackupException(Text.t("This passkey's key does not open the backup; use your recovery"
                            + " code"));
                }
            }
        }
        throw new BackupException(Text.t("The backup has no key for this passkey; use your recovery code"));
    }

    /** The vault key, through the recovery-code slot. */
    public byte[] vaultKeyFromRecoveryCode(Envelope envelope, String codeText) throws BackupException {
        byte[] code = RecoveryCode.parse(codeText);
        for (Slot slot : envelope.slots()) {
            if (slot instanceof RecoveryCodeSlot) {
                try {
                    return crypto.open(recoveryCodeWrappingKey(code, ((RecoveryCodeSlot) slot).salt()), slot.nonce(),
                            NO_DATA, slot.wrappedKey());
                } catch (DecryptionException e) {
                    throw new BackupException(Text.t("That recovery code does not open this backup"));
                }
            }
        }
        throw new BackupException(Text.t("This backup has no recovery code"));
    }

    /** The vault key, through a password slot and the key Argon2id derived for it. */
    public byte[] vaultKeyFromPassword(PasswordSlot slot, byte[] passwordKey) throws BackupException {
        try {
            return crypto.open(passwordKey, slot.nonce(), NO_DATA, slot.wrappedKey());
        } catch (DecryptionException e) {
            throw new BackupException(Text.t("The password is wrong"));
        }
    }
}
