package fob.sync;

import fob.vault.Account;
import fob.vault.Group;
import fob.vault.Vault;
import fob.vault.VaultException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restoring an earlier version from the backup history: its accounts, in its order, become the newest, on every
 * device (their update time is now). An account here that the version lacks goes to Recently deleted; a placeholder
 * in the version keeps this browser's secret. Its groups come back too.
 */
final class HistoryRestore {
    private HistoryRestore() {
    }

    static Vault apply(Vault local, Vault old, long now) throws VaultException {
        Vault trimmed = local;
        for (Account account : local.accounts()) {
            if (old.find(account.id()) == null) {
                trimmed = trimmed.remove(account.id(), now);
            }
        }
        List<Account> accounts = new ArrayList<>();
        for (Account account : old.accounts()) {
            Account here = local.find(account.id());
            long updated = Math.max(now, account.updated());
            accounts.add(account.isPlaceholder() && here != null && !here.isPlaceholder()
                    ? account.edited(account.kind(), account.issuer(), account.name(), here.otp(), account.note(),
                            updated)
                    : account.edited(account.kind(), account.issuer(), account.name(), account.otp(), account.note(),
                            updated));
        }
        Map<String, Long> tombstones = new LinkedHashMap<>(trimmed.tombstones());
        for (Account account : accounts) {
            tombstones.remove(account.id());
        }
        // The version's groups as they were, renamed back where renamed since (stamped now, so that they win on the
        // other devices too); a group made since is deleted.
        List<Group> groups = new ArrayList<>();
        for (Group group : old.groups()) {
            Group here = local.group(group.id());
            groups.add(here != null && here.equals(group) ? group : group.renamed(group.name(),
                    Math.max(now, here == null ? group.updated() : here.updated() + 1)));
            tombstones.remove(group.id());
        }
        for (Group group : local.groups()) {
            if (old.group(group.id()) == null) {
                tombstones.put(group.id(), Math.max(now, group.updated()));
            }
        }
        return new Vault(accounts, local.settings(), tombstones, trimmed.recentlyDeleted(), now, groups)
                .withUsedAt(local.usedAt());
    }
}
