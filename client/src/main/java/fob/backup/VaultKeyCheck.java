package fob.backup;

import fob.text.Text;
import java.util.Arrays;

/**
 * The one check every way into a backup takes before its key is used (docs/security.md, "Active server"): joining,
 * restoring, Begin recovery, adopting a rotated key, merging on turning backup on. A key is accepted only when the
 * person's own secret vouches for it:
 * <ul>
 * <li>the recovery code the person typed opened it (only the code's holder can make that slot);
 * <li>an unsealed passkey slot opened it with the passkey's PRF (only the passkey can make that slot);
 * <li>a sealed passkey slot gave it, and it is that slot's anchor, or the key chain leads from it to the anchor
 * (the anchor is sealed under the PRF, so only the passkey's holder can have written it);
 * <li>it is the key this browser holds, or the key chain leads from it to that key.
 * </ul>
 * Anyone who can write the backup can seal a key to a sealed slot's public key; none of the above can they make.
 */
public final class VaultKeyCheck {
    private VaultKeyCheck() {
    }

    /**
     * The vault key, through the passkey's slot, when it is vouched for; {@code heldKey} is the key this browser
     * trusts already (its own), or null. Throws {@link UntrustedBackupException} for a key nothing vouches for, and
     * {@link PasskeyCannotOpenException} where only the recovery code can tell.
     */
    public static byte[] throughPasskey(BackupCodec codec, Envelope envelope, byte[] credentialId, byte[] prf,
            byte[] heldKey) throws BackupException {
        byte[] key = keyInTheSlot(codec, envelope, credentialId, prf);
        SealedPasskeySlot sealed = sealedSlot(envelope, credentialId);
        if (sealed == null) {
            // An unsealed slot: its key was wrapped under the PRF itself.
            return key;
        }
        if (heldKey != null && leadsTo(codec, envelope, key, heldKey)) {
            return key;
        }
        byte[] anchor = codec.anchorOf(sealed, prf);
        if (anchor == null) {
            throw new PasskeyCannotOpenException(Text.t("This backup's key for your passkey was written before Fob"
                    + " could check who made it; open it with your recovery code"));
        }
        if (!leadsTo(codec, envelope, key, anchor)) {
            if (envelope.parsedHeader().previousKeys().size() >= EnvelopeLimits.MAX_PREVIOUS_KEYS) {
                // The chain keeps the last rotations only: a passkey that did not sign in through all of them has an
                // anchor it no longer reaches. Not proof of tampering; the recovery code tells (a forger's backup
                // does not open with it either).
                throw new PasskeyCannotOpenException(Text.t("Your passkey's key to this backup is older than its last"
                        + " {0} key rotations; open it with your recovery code", EnvelopeLimits.MAX_PREVIOUS_KEYS));
            }
            throw new UntrustedBackupException();
        }
        return key;
    }

    /**
     * For a browser that backs up to this backup and holds its key ({@code heldKey}): the backup's new key, through
     * the passkey's slot, only when the key chain leads from it to {@code heldKey}. Every genuine rotation chains
     * from the key the backup had, so the slot's anchor is never needed here, and is not taken: an anchor from before
     * a rotation could otherwise vouch for a key chained to a key that rotation shut out. A chain that is full (16
     * links) and does not reach {@code heldKey} may have lost it to rotations: the recovery code tells.
     */
    public static byte[] descendingFromHeldKey(BackupCodec codec, Envelope envelope, byte[] credentialId, byte[] prf,
            byte[] heldKey) throws BackupException {
        byte[] key = keyInTheSlot(codec, envelope, credentialId, prf);
        if (leadsTo(codec, envelope, key, heldKey)) {
            return key;
        }
        if (envelope.parsedHeader().previousKeys().size() >= EnvelopeLimits.MAX_PREVIOUS_KEYS) {
            throw new PasskeyCannotOpenException(Text.t("This browser's key to the backup is older than its last {0}"
                    + " key rotations; open it with your recovery code", EnvelopeLimits.MAX_PREVIOUS_KEYS));
        }
        throw new UntrustedBackupException();
    }

    /** The vault key, through the recovery-code slot and the code the person typed: the code vouches for it. */
    public static byte[] throughRecoveryCode(BackupCodec codec, Envelope envelope, String code)
            throws BackupException {
        return codec.vaultKeyFromRecoveryCode(envelope, code);
    }

    /**
     * The key the passkey's slot gives, vouched for by nothing yet; a passkey without PRF, without a slot, or whose PRF
     * does not open its slot leaves only the recovery code.
     */
    private static byte[] keyInTheSlot(BackupCodec codec, Envelope envelope, byte[] credentialId, byte[] prf)
            throws PasskeyCannotOpenException {
        if (prf == null) {
            throw new PasskeyCannotOpenException(Text.t("This passkey cannot open backups by itself; use your recovery"
                    + " code"));
        }
        try {
            return codec.vaultKeyFromPasskey(envelope, credentialId, prf);
        } catch (BackupException e) {
            throw new PasskeyCannotOpenException(e.getMessage());
        }
    }

    /** Whether {@code key} is {@code trusted} or descends from it through the envelope's key chain. */
    private static boolean leadsTo(BackupCodec codec, Envelope envelope, byte[] key, byte[] trusted) {
        return Arrays.equals(key, trusted) || codec.descendsFrom(envelope.parsedHeader(), key, trusted);
    }

    private static SealedPasskeySlot sealedSlot(Envelope envelope, byte[] credentialId) {
        for (Slot slot : envelope.slots()) {
            if (slot instanceof SealedPasskeySlot
                    && Arrays.equals(((SealedPasskeySlot) slot).credentialId(), credentialId)) {
                return (SealedPasskeySlot) slot;
            }
            if (slot instanceof PasskeySlot && Arrays.equals(((PasskeySlot) slot).credentialId(), credentialId)) {
                return null;
            }
        }
        return null;
    }
}
