package fob.imports;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.PasswordSlot;
import fob.backup.Slot;
import fob.crypto.Aead;
import fob.text.Text;
import fob.vault.Account;
import fob.vault.Group;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Fob's own encrypted exports: the backup envelope with a password slot (Argon2id). */
final class FobExportImporter {
    private FobExportImporter() {
    }

    static ImportFile read(String text) throws ImportException {
        Envelope envelope;
        try {
            envelope = Envelope.parse(text);
        } catch (BackupException e) {
            throw new ImportException(Text.t("This Fob file is damaged: {0}", e.getMessage()));
        }
        PasswordSlot slot = null;
        for (Slot candidate : envelope.slots()) {
            if (candidate instanceof PasswordSlot) {
                slot = (PasswordSlot) candidate;
            }
        }
        if (slot == null) {
            throw new ImportException(Text.t("This is a Fob backup, not an export: restore it with Begin recovery"));
        }
        PasswordSlot passwordSlot = slot;
        return ImportFile.encrypted("Fob", (password, kdf, crypto) -> open(envelope, passwordSlot, password, kdf,
                crypto));
    }

    private static List<ImportEntry> open(Envelope envelope, PasswordSlot slot, String password, Kdf kdf,
            Aead crypto) throws ImportException {
        byte[] key = kdf.argon2id(password.getBytes(StandardCharsets.UTF_8), slot.salt(), slot.memoryKiB(),
                slot.iterations(), slot.parallelism(), 32);
        BackupCodec codec = new BackupCodec(crypto);
        try {
            byte[] vaultKey = codec.vaultKeyFromPassword(slot, key);
            BackupPayload payload = BackupPayload.read(codec.open(envelope, vaultKey));
            List<ImportEntry> entries = new ArrayList<>();
            for (Account account : payload.vault().accounts()) {
                entries.add(account.isPlaceholder()
                        ? ImportEntry.unusable(Entries.label(account.issuer(), account.name()),
                                Text.t("the export holds no secret for it"))
                        : ImportEntry.of(account).inGroups(groupNames(payload.vault().groupsOf(account))));
            }
            return entries;
        } catch (BackupException e) {
            throw new ImportException(e.getMessage());
        }
    }

    private static List<String> groupNames(List<Group> groups) {
        List<String> names = new ArrayList<>();
        for (Group group : groups) {
            names.add(group.name());
        }
        return names;
    }
}
