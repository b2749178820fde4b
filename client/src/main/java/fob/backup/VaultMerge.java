package fob.backup;

import fob.otp.InvalidOtpException;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
import fob.vault.Account;
import fob.vault.Vault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How two copies of the accounts become one, so that no device's change is lost. */
public final class VaultMerge {
    private VaultMerge() {
    }

    /**
     * Two devices of one user that both changed the accounts (a write met 412). By account id: the later
     * update wins; a deletion wins over an edit made before it; an HOTP counter never goes back (a used code is
     * never shown again); a placeholder never replaces the account with its secret. The order is this device's,
     * with accounts only the other device has appended in its order. The settings are this device's.
     */
    public static Vault sync(Vault local, Vault remote) {
        Map<String, Long> tombstones = new LinkedHashMap<>(remote.tombstones());
        for (Map.Entry<String, Long> entry : local.tombstones().entrySet()) {
            tombstones.merge(entry.getKey(), entry.getValue(), Math::max);
        }
        Map<String, Account> remoteById = new HashMap<>();
        for (Account account : remote.accounts()) {
            remoteById.put(account.id(), account);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Account account : local.accounts()) {
            ids.add(account.id());
        }
        for (Account account : remote.accounts()) {
            ids.add(account.id());
        }
        List<Account> merged = new ArrayList<>();
        for (String id : ids) {
            Account mine = local.find(id);
            Account theirs = remoteById.get(id);
            Account chosen = mine == null ? theirs : theirs == null ? mine : newer(mine, theirs);
            Long deletedAt = tombstones.get(id);
            if (deletedAt != null && deletedAt >= chosen.updated()) {
                continue;
            }
            merged.add(chosen);
        }
        return new Vault(withoutDuplicateSecrets(merged), local.settings(), tombstones);
    }

    private static Account newer(Account mine, Account theirs) {
        if (mine.isPlaceholder() != theirs.isPlaceholder()) {
            Account full = mine.isPlaceholder() ? theirs : mine;
            Account later = mine.updated() >= theirs.updated() ? mine : theirs;
            return later.isPlaceholder() ? later.edited(later.kind(), later.issuer(), later.name(), full.otp(),
                    later.note(), later.updated()) : later;
        }
        Account later = mine.updated() >= theirs.updated() ? mine : theirs;
        Account earlier = later == mine ? theirs : mine;
        if (!later.isPlaceholder() && later.otp().type() == OtpType.HOTP && later.otp().sameCredentialAs(earlier.otp())
                && earlier.otp().counter() > later.otp().counter()) {
            try {
                OtpParameters p = later.otp();
                return later.withOtp(OtpParameters.of(p.type(), p.algorithm(), p.digits(), p.period(),
                        earlier.otp().counter(), p.secret()), later.updated());
            } catch (InvalidOtpException e) {
                return later;
            }
        }
        return later;
    }

    /**
     * Both devices added the same account (same secret and type) under two ids: keep the one created first
     * (ties by id), on both devices alike.
     */
    private static List<Account> withoutDuplicateSecrets(List<Account> accounts) {
        List<Account> kept = new ArrayList<>();
        for (Account account : accounts) {
            int twin = -1;
            for (int i = 0; i < kept.size() && !account.isPlaceholder(); i++) {
                Account other = kept.get(i);
                if (!other.isPlaceholder() && other.otp().sameCredentialAs(account.otp())) {
                    twin = i;
                    break;
                }
            }
            if (twin < 0) {
                kept.add(account);
            } else if (account.created() < kept.get(twin).created() || (account.created() == kept.get(twin).created()
                    && account.id().compareTo(kept.get(twin).id()) < 0)) {
                kept.set(twin, account);
            }
        }
        return kept;
    }

    /**
     * "Merge" when restoring into a browser that already has accounts: adds the backup's accounts that are not
     * here (by id, by secret, and for placeholders by issuer and name), after the local ones. Never overwrites,
     * reorders or deletes a local account.
     */
    public static Vault addMissing(Vault local, Vault backup) {
        List<Account> merged = new ArrayList<>(local.accounts());
        for (Account account : backup.accounts()) {
            if (local.find(account.id()) != null || isKnown(merged, account)) {
                continue;
            }
            merged.add(account);
        }
        Map<String, Long> tombstones = new LinkedHashMap<>(local.tombstones());
        for (Map.Entry<String, Long> entry : backup.tombstones().entrySet()) {
            if (local.find(entry.getKey()) == null) {
                tombstones.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }
        return new Vault(merged, local.settings(), tombstones);
    }

    private static boolean isKnown(List<Account> accounts, Account candidate) {
        for (Account account : accounts) {
            if (candidate.isPlaceholder() || account.isPlaceholder()) {
                if (account.issuer().equalsIgnoreCase(candidate.issuer())
                        && account.name().equalsIgnoreCase(candidate.name())) {
                    return true;
                }
            } else if (account.otp().sameCredentialAs(candidate.otp())) {
                return true;
            }
        }
        return false;
    }
}
