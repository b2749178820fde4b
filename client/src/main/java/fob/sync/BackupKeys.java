package fob.sync;

import fob.backup.BackupException;
import fob.backup.Header;
import fob.backup.PasskeySlot;
import fob.backup.SealedPasskeySlot;
import fob.backup.Slot;
import fob.local.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A passkey's way into the backup, kept in its header: a PRF-capable passkey without a sealed slot gets one (an
 * older unsealed slot of it is replaced). Replacing the recovery code and removing a passkey are key rotations
 * ({@link KeyRotation#rotate}): editing the header alone would leave the old code or passkey opening the same key.
 * Slots of types this version does not know stay as they are.
 */
final class BackupKeys {
    private final SyncTab tab;

    BackupKeys(SyncTab tab) {
        this.tab = tab;
    }

    /** A change to the header's slots, given the vault key; null to leave the header as it is. */
    private interface HeaderEdit {
        Header apply(Header header, byte[] vaultKey) throws BackupException;
    }

    /** Rewrites the header of the backup this browser belongs to (uploaded soon after); false when backup is off. */
    private boolean editHeader(HeaderEdit edit) throws StorageException, BackupException {
        synchronized (tab.lock) {
            SyncState state = tab.load();
            if (!state.enabled || state.header == null) {
                return false;
            }
            Header next = edit.apply(Header.parse(state.header), tab.local.vaultKey());
            if (next != null) {
                tab.save(state.withHeader(next.write()));
                tab.scheduler.uploadIn(0);
            }
            return true;
        }
    }

    /**
     * A PRF-capable passkey that has no sealed slot yet gets one, so that it can restore on its own; one whose slot
     * is not anchored on the key this browser holds (written before anchors, or before a rotation) gets a new slot
     * anchored on it, so that its key chain back to the anchor starts anew and never outgrows the header.
     */
    void ensurePasskeySlot(PasskeyKey key) throws StorageException, BackupException {
        if (key.prf == null) {
            return;
        }
        editHeader((header, vaultKey) -> {
            List<Slot> slots = new ArrayList<>();
            for (Slot slot : header.slots()) {
                if (slot instanceof SealedPasskeySlot && Arrays.equals(((SealedPasskeySlot) slot).credentialId(),
                        key.credentialId) && anchoredOn((SealedPasskeySlot) slot, vaultKey, key.prf)) {
                    return null;
                }
                if (!Arrays.equals(credentialId(slot), key.credentialId)) {
                    slots.add(slot);
                }
            }
            slots.add(0, tab.codec.sealedPasskeySlot(vaultKey, key.credentialId, key.prf));
            return header.withSlots(slots);
        });
    }

    private boolean anchoredOn(SealedPasskeySlot slot, byte[] vaultKey, byte[] prf) {
        try {
            return Arrays.equals(tab.codec.anchorOf(slot, prf), vaultKey);
        } catch (BackupException notThisPasskeys) {
            return false;
        }
    }

    /**
     * The server's header, plus the passkey slots this browser added that it lacks (another device wrote in between).
     * Both headers wrap the same vault key (the server's backup opened with it), and removing a slot always comes
     * with a new key, so a slot missing there was never taken out on purpose. Null when nothing is added.
     */
    static Header withLocalPasskeySlots(Header server, Header local) {
        List<Slot> slots = new ArrayList<>(server.slots());
        for (Slot slot : local.slots()) {
            byte[] credentialId = credentialId(slot);
            if (credentialId == null) {
                continue;
            }
            boolean known = false;
            for (Slot there : server.slots()) {
                known |= Arrays.equals(credentialId, credentialId(there));
            }
            if (!known) {
                slots.add(0, slot);
            }
        }
        return slots.size() == server.slots().size() ? null : server.withSlots(slots);
    }

    /** The passkey a slot belongs to (sealed or older), or null for a slot of another kind. */
    static byte[] credentialId(Slot slot) {
        return slot instanceof SealedPasskeySlot ? ((SealedPasskeySlot) slot).credentialId()
                : slot instanceof PasskeySlot ? ((PasskeySlot) slot).credentialId() : null;
    }
}
