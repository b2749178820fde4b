package fob.backup;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.text.Text;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.vault.VaultJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup holds, encrypted: a revision that only grows, the accounts in their order (work or school
 * accounts as placeholders without their secret), the groups, the tombstones of deleted accounts and groups, and
 * the settings.
 */
public final class BackupPayload {
    public static final String FORMAT = "fob-backup";
    /** An export keeps every secret, work or school accounts' too: it is the user's own file. */
    public static final String EXPORT_FORMAT = "fob-export";
    /**
     * Version 3 added groups, version 2 {@code orderedAt}; versions 1 and 2 are still read (no groups, order time
     * 0).
     */
    public static final int VERSION = 3;
    /**
     * The most a compressed payload may expand to: 10,000 accounts of the longest names and notes Fob takes, with
     * room to spare, but not an envelope of a few kilobytes that expands to gigabytes in the page.
     */
    public static final int MAX_BYTES = 128 << 20;

    private final long revision;
    private final long writtenAt;
    private final Vault vault;
    private final boolean export;

    public BackupPayload(long revision, long writtenAt, Vault vault) {
        this(revision, writtenAt, vault, false);
    }

    private BackupPayload(long revision, long writtenAt, Vault vault, boolean export) {
        this.revision = revision;
        this.writtenAt = writtenAt;
        this.vault = vault;
        this.export = export;
    }

    /** The payload of an encrypted export file. */
    public static BackupPayload export(Vault vault, long writtenAt) {
        return new BackupPayload(0, writtenAt, vault, true);
    }

    public long revision() {
        return revision;
    }

    public long writtenAt() {
        return writtenAt;
    }

    /** The accounts, order, tombstones and settings (work or school accounts as placeholders). */
    public Vault vault() {
        return vault;
    }

    /** Whether two vaults make the same backup (work or school accounts as placeholders, no Recently deleted). */
    public static boolean sameContent(Vault a, Vault b) {
        if (a.accounts().size() != b.accounts().size() || a.orderedAt() != b.orderedAt()
                || !a.tombstones().equals(b.tombstones()) || !a.settings().equals(b.settings())
                || !a.groups().equals(b.groups())) {
            return false;
        }
        for (int i = 0; i < a.accounts().size(); i++) {
            if (!asBackedUp(a.accounts().get(i)).equals(asBackedUp(b.accounts().get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static Account asBackedUp(Account account) {
        return account.kind() == AccountKind.WORK_OR_SCHOOL ? account.asPlaceholder() : account;
    }

    public byte[] toBytes() {
        JsonArray accounts = new JsonArray();
        for (Account account : vault.accounts()) {
            accounts.add(VaultJson.writeAccount(account.kind() == AccountKind.WORK_OR_SCHOOL && !export
                    ? account.asPlaceholder() : account));
        }
        JsonObject root = new JsonObject();
        root.put("format", export ? EXPORT_FORMAT : FORMAT);
        root.put("version", VERSION);
        root.put("revision", revision);
        root.put("writtenAt", writtenAt);
        root.put("accounts", accounts);
        root.put("tombstones", VaultJson.writeTombstones(vault.tombstones()));
        root.put("settings", VaultJson.writeSettings(vault.settings()));
        root.put("orderedAt", vault.orderedAt());
        root.put("groups", VaultJson.writeGroups(vault.groups()));
        return JsonWriter.string(root).getBytes(StandardCharsets.UTF_8);
    }

    public static BackupPayload read(byte[] bytes) throws BackupException {
        try {
            JsonObject root = Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
            if (!FORMAT.equals(root.get("format")) && !EXPORT_FORMAT.equals(root.get("format"))) {
                throw new BackupException(Text.t("The backup's contents are not a Fob backup"));
            }
            if (Json.integer(root, "version", 1, Integer.MAX_VALUE) > VERSION) {
                throw new BackupException(Text.t("This backup was written by a newer Fob; update Fob to restore it"));
            }
            JsonArray array = Json.array(root, "accounts");
            if (array.size() > Vault.MAX_ACCOUNTS) {
                throw new BackupException(Text.t("The backup holds more than {0} accounts", Vault.MAX_ACCOUNTS));
            }
            List<Account> accounts = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                accounts.add(VaultJson.readAccount(Json.objectAt(array, i, Text.t("Account"))));
            }
            Vault vault = new Vault(accounts, VaultJson.readSettings(Json.object(root, "settings")),
                    VaultJson.readTombstones(root), java.util.Collections.emptyList(), VaultJson.readOrderedAt(root),
                    VaultJson.readGroups(root));
            return new BackupPayload(Json.integer(root, "revision", 0, Long.MAX_VALUE),
                    Json.integer(root, "writtenAt", 0, Long.MAX_VALUE), vault, EXPORT_FORMAT.equals(root.get("format")));
        } catch (JsonFormatException | VaultException e) {
            throw new BackupException(Text.t("The backup's contents are damaged: {0}", e.getMessage()));
        }
    }
}
