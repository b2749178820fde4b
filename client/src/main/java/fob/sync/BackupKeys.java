package fob.sync;

import fob.backup.BackupException;
import fob.backup.Header;
import fob.backup.PasskeySlot;
import fob.backup.RecoveryCode;
import fob.backup.RecoveryCodeSlot;
import fob.backup.Slot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ways into the backup, kept in its header's slots: a new recovery code, a slot for a PRF-capable passkey, a
 * removed passkey's slot taken out. Slots of types this version does not know stay as they are.
 */
public final class BackupKeys {
    private final BackupSync sync;

    public BackupKeys(BackupSync sync) {
        this.sync = sync;
    }

    /** Replaces the recovery-code slot with a new code's; returns the code, to show once. */
    public String newRecoveryCode() throws LocalStorageException, BackupException {
        byte[] code = sync.codec().newRecoveryCode();
        boolean on = sync.editHeader((header, vaultKey) -> {
            List<Slot> slots = new ArrayList<>();
            for (Slot slot : header.slots()) {
                if (!(slot instanceof RecoveryCodeSlot)) {
                    slots.add(slot);
                }
            }
            slots.add(sync.codec().recoveryCodeSlot(vaultKey, code));
            return header.withSlots(slots);
        });
        if (!on) {
            throw new BackupException("Cloud backup is off, so there is no recovery code to replace");
        }
        return RecoveryCode.format(code);
    }

    /** A PRF-capable passkey that has no slot yet gets one, so that it can restore on its own. */
    public void ensurePasskeySlot(PasskeyKey key) throws LocalStorageException, BackupException {
        if (key.prf == null) {
            return;
        }
        sync.editHeader((header, vaultKey) -> {
            for (Slot slot : header.slots()) {
                if (slot instanceof PasskeySlot && Arrays.equals(((PasskeySlot) slot).credentialId(),
                        key.credentialId)) {
                    return null;
                }
            }
            List<Slot> slots = new ArrayList<>(header.slots());
            slots.add(0, sync.codec().passkeySlot(vaultKey, key.credentialId, key.prf));
            return header.withSlots(slots);
        });
    }

    /** A removed passkey's slot goes from the header. */
    public void removePasskeySlot(byte[] credentialId) throws LocalStorageException, BackupException {
        sync.editHeader((header, vaultKey) -> {
            List<Slot> slots = new ArrayList<>();
            for (Slot slot : header.slots()) {
                if (!(slot instanceof PasskeySlot && Arrays.equals(((PasskeySlot) slot).credentialId(),
                        credentialId))) {
                    slots.add(slot);
                }
            }
            return slots.size() == header.slots().size() ? null : header.withSlots(slots);
        });
    }
}
