package fob.sync;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.Header;
import fob.backup.SealedPasskeySlot;
import fob.backup.Slot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The slots of a backup after a key rotation: every sealed passkey slot resealed to the new key (no passkey
 * needed), the signing-in passkey's slot made anew, and nothing else of the old header. The old recovery code, a
 * removed passkey, older passkey slots and slots of types this version does not know all wrap the old key, so
 * they go: keeping them would only look like ways in.
 */
final class RotatedSlots {
    private final List<Slot> slots = new ArrayList<>();
    private int passkeysLeftWithoutSlot;

    private RotatedSlots() {
    }

    static RotatedSlots of(BackupCodec codec, Header old, byte[] newKey, PasskeyKey signedIn, byte[] leftOut)
            throws BackupException {
        RotatedSlots rotated = new RotatedSlots();
        boolean signedInHasSlot = false;
        for (Slot slot : old.slots()) {
            byte[] credentialId = BackupKeys.credentialId(slot);
            if (credentialId == null || Arrays.equals(credentialId, leftOut)) {
                continue;
            }
            boolean isSignedIn = signedIn != null && signedIn.prf != null
                    && Arrays.equals(credentialId, signedIn.credentialId);
            if (isSignedIn) {
                signedInHasSlot = true;
                rotated.slots.add(codec.sealedPasskeySlot(newKey, credentialId, signedIn.prf));
            } else if (slot instanceof SealedPasskeySlot) {
                rotated.slots.add(codec.resealed((SealedPasskeySlot) slot, newKey));
            } else {
                rotated.passkeysLeftWithoutSlot++;
            }
        }
        if (!signedInHasSlot && signedIn != null && signedIn.prf != null
                && !Arrays.equals(signedIn.credentialId, leftOut)) {
            rotated.slots.add(0, codec.sealedPasskeySlot(newKey, signedIn.credentialId, signedIn.prf));
        }
        return rotated;
    }

    void add(Slot slot) {
        slots.add(slot);
    }

    List<Slot> slots() {
        return slots;
    }

    int passkeysLeftWithoutSlot() {
        return passkeysLeftWithoutSlot;
    }
}
