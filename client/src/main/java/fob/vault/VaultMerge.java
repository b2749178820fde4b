package fob.vault;

import fob.otp.InvalidOtpException;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
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

    /** How far ahead of the merging device's clock a time may be before it counts as now. */
    public static final long MAX_CLOCK_AHEAD_MILLIS = 5 * 60 * 1000;

    /**
     * Two devices of one user that both changed the accounts (a write met 412, or a pull). By account id: the
     * later update wins; a deletion wins over an edit made before it; an HOTP counter never goes back (a used code
     * is never shown again); a placeholder never replaces the account with its secret. A time more than five
     * minutes ahead of {@code now} (this device's clock) counts as now, so a device whose clock runs ahead cannot
     * win every merge. An account that a deletion from the other device removes goes to this device's Recently
     * deleted, never into nothing. The order is that of the side reordered last (by {@link Vault#orderedAt}; on a
     * tie, the same side on both devices), with the other side's other accounts appended in its order, so that every
     * device ends with one order. Groups merge as accounts do, by id: the later rename wins, and a deletion wins over
     * a rename made before it. The settings, Recently deleted and the times of use are this device's.
     */
    public static Vault sync(Vault local, Vault remote, long now) {
        Map<String, Long> tombstones = new LinkedHashMap<>();
        Map<String, Long> unclamped = new HashMap<>();
        for (Map.Entry<String, Long> entry : remote.tombstones().entrySet()) {
            tombstones.put(entry.getKey(), clamp(entry.getValue(), now));
            unclamped.put(entry.getKey(), entry.getValue());
        }
        for (Map.Entry<String, Long> entry : local.tombstones().entrySet()) {
            String id = entry.getKey();
            // Deleted on both sides: one deletion, whose time two clocks may have written differently; the earlier
            // time, so that both devices keep the same one. Alive on one side: the later deletion.
            boolean deletedOnBoth = remote.tombstones().containsKey(id) && local.find(id) == null
                    && remote.find(id) == null;
            tombstones.merge(id, clamp(entry.getValue(), now), deletedOnBoth ? Math::min : Math::max);
            unclamped.merge(id, entry.getValue(), deletedOnBoth ? Math::min : Math::max);
        }
        Map<String, Account> remoteById = new HashMap<>();
        for (Account account : remote.accounts()) {
            remoteById.put(account.id(), clamp(account, now));
        }
        long localOrder = clamp(local.orderedAt(), now);
        long remoteOrder = clamp(remote.orderedAt(), now);
        boolean localFirst = localOrder != remoteOrder ? localOrder > remoteOrder
                : compareOrder(local, remote) <= 0;
        Set<String> ids = new LinkedHashSet<>();
        for (Account account : (localFirst ? local : remote).accounts()) {
            ids.add(account.id());
        }
        for (Account account : (localFirst ? remote : local).accounts()) {
            ids.add(account.id());
        }
        List<Account> merged = new ArrayList<>();
        List<Deleted> bin = new ArrayList<>(local.recentlyDeleted());
        for (String id : ids) {
            Account mine = local.find(id) == null ? null : clamp(local.find(id), now);
            Account theirs = remoteById.get(id);
            Account chosen = mine == null ? theirs : theirs == null ? mine : newer(mine, theirs);
            Long deletedAt = tombstones.get(id);
            if (deletedAt != null && deletionWins(deletedAt, unclamped.get(id), chosen, local, remote)) {
                if (mine != null) {
                    // Deleted on the other device (this device shows it): it keeps it, restorable, with its secret.
                    bin.add(new Deleted(mine.isPlaceholder() || theirs == null || theirs.isPlaceholder() ? mine
                            : newer(mine, theirs), deletedAt, true));
                }
                continue;
            }
            if (deletedAt != null) {
                // The account outlived its deletion (edited or restored after it): the tombstone goes, so that no copy
                // holds both and a device with another clock cannot decide otherwise later.
                tombstones.remove(id);
            }
            merged.add(chosen.isPlaceholder() ? withSecretFromBin(chosen, local) : chosen);
        }
        List<Account> kept = withoutDuplicateSecrets(merged);
        List<Deleted> stillDeleted = new ArrayList<>();
        for (Deleted deleted : bin) {
            if (!containsId(kept, deleted.account().id())) {
                stillDeleted.add(deleted);
            }
        }
        // The same order on both sides, written at two times (two clocks): the earlier, on both devices alike.
        long orderedAt = sameIds(local.accounts(), remote.accounts()) ? Math.min(localOrder, remoteOrder)
                : Math.max(localOrder, remoteOrder);
        List<Group> groups = mergeGroups(local.groups(), remote.groups(), tombstones, now);
        return new Vault(kept, local.settings(), tombstones, stillDeleted, orderedAt, groups).purgedAt(now)
                .withUsedAt(local.usedAt());
    }

    /** Removes from {@code tombstones} the deletions of groups that outlived them (renamed after). */
    private static List<Group> mergeGroups(List<Group> local, List<Group> remote, Map<String, Long> tombstones,
            long now) {
        Map<String, Group> byId = new LinkedHashMap<>();
        for (List<Group> side : List.of(local, remote)) {
            for (Group group : side) {
                Group clamped = clamp(group, now);
                byId.merge(group.id(), clamped, VaultMerge::laterGroup);
            }
        }
        List<Group> merged = new ArrayList<>();
        for (Group group : byId.values()) {
            Long deletedAt = tombstones.get(group.id());
            if (deletedAt != null && deletedAt >= group.updated()) {
                continue;
            }
            if (deletedAt != null) {
                tombstones.remove(group.id());
            }
            merged.add(group);
        }
        return merged;
    }

    /** Of two versions of one group, the later; at the same time the one both devices of a pair choose alike. */
    private static Group laterGroup(Group a, Group b) {
        if (a.updated() != b.updated()) {
            return a.updated() > b.updated() ? a : b;
        }
        int c = a.name().compareTo(b.name());
        if (c != 0) {
            return c > 0 ? a : b;
        }
        return a.created() <= b.created() ? a : b;
    }

    private static Group clamp(Group group, long now) {
        long updated = clamp(group.updated(), now);
        return updated == group.updated() ? group : new Group(group.id(), group.name(), Math.min(group.created(),
                updated), updated);
    }

    /** A tie-break that both devices of a pair compute alike: the lists of ids, compared element by element. */
    private static int compareOrder(Vault a, Vault b) {
        for (int i = 0; i < Math.min(a.accounts().size(), b.accounts().size()); i++) {
            int c = a.accounts().get(i).id().compareTo(b.accounts().get(i).id());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.accounts().size(), b.accounts().size());
    }

    /**
     * A placeholder that comes back (restored on a device that had only the placeholder) takes the secret that
     * this device keeps in Recently deleted: a placeholder never replaces a secret.
     */
    private static Account withSecretFromBin(Account placeholder, Vault local) {
        for (Deleted deleted : local.recentlyDeleted()) {
            Account kept = deleted.account();
            if (kept.id().equals(placeholder.id()) && !kept.isPlaceholder()) {
                return placeholder.edited(placeholder.kind(), placeholder.issuer(), placeholder.name(), kept.otp(),
                        placeholder.note(), placeholder.updated());
            }
        }
        return placeholder;
    }

    /**
     * A deletion wins over an edit made at the same time or before it. Where clamping made the two times equal,
     * their times as written decide, so that two stamps from the future keep their order.
     */
    private static boolean deletionWins(long deletedAt, long deletedAtAsWritten, Account chosen, Vault local,
            Vault remote) {
        if (deletedAt != chosen.updated()) {
            return deletedAt > chosen.updated();
        }
        Account written = local.find(chosen.id()) != null && local.find(chosen.id()).updated() >= chosen.updated()
                ? local.find(chosen.id()) : remote.find(chosen.id());
        long updatedAsWritten = written == null ? chosen.updated() : written.updated();
        return deletedAtAsWritten >= updatedAsWritten;
    }

    private static boolean sameIds(List<Account> a, List<Account> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).id().equals(b.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    private static Account findIn(List<Account> accounts, String id) {
        for (Account account : accounts) {
            if (account.id().equals(id)) {
                return account;
            }
        }
        return null;
    }

    private static boolean containsId(List<Account> accounts, String id) {
        for (Account account : accounts) {
            if (account.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static long clamp(long time, long now) {
        return time > now + MAX_CLOCK_AHEAD_MILLIS ? now : time;
    }

    private static Account clamp(Account account, long now) {
        long updated = clamp(account.updated(), now);
        return updated == account.updated() ? account : account.edited(account.kind(), account.issuer(),
                account.name(), account.otp(), account.note(), updated);
    }

    /**
     * Whether {@code a} is the later version of one account: by update time, and at the same time by their contents,
     * so that both devices of a pair choose alike.
     */
    private static boolean isLater(Account a, Account b) {
        if (a.updated() != b.updated()) {
            return a.updated() > b.updated();
        }
        return tieKey(a).compareTo(tieKey(b)) >= 0;
    }

    private static boolean sameContent(Account a, Account b) {
        return a.isPlaceholder() == b.isPlaceholder() && tieKey(a).equals(tieKey(b)) && a.created() == b.created()
                && (a.isPlaceholder() || a.otp().equals(b.otp()));
    }

    private static String tieKey(Account account) {
        return account.kind() + "\n" + account.issuer() + "\n" + account.name() + "\n" + account.note() + "\n"
                + account.groups() + "\n" + account.icon() + "\n"
                + (account.isPlaceholder() ? "" : account.otp().counter() + "\n" + account.otp().algorithm() + "\n"
                + account.otp().digits() + "\n" + account.otp().period());
    }

    private static Account newer(Account mine, Account theirs) {
        if (sameContent(mine, theirs)) {
            // One version written at two times (a clock ahead, and a device that counted its time as now): the
            // earlier time, so that both devices keep the same and neither uploads it again.
            return mine.updated() <= theirs.updated() ? mine : theirs;
        }
        if (mine.isPlaceholder() != theirs.isPlaceholder()) {
            Account full = mine.isPlaceholder() ? theirs : mine;
            Account later = isLater(mine, theirs) ? mine : theirs;
            return later.isPlaceholder() ? later.edited(later.kind(), later.issuer(), later.name(), full.otp(),
                    later.note(), later.updated()) : later;
        }
        Account later = isLater(mine, theirs) ? mine : theirs;
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
        // Where each credential stands in kept: looked up, not searched, since a restore of 10,000 accounts spent
        // most of its time comparing every secret with every other (issue 13's profile).
        Map<Credential, Integer> places = new HashMap<>();
        for (Account account : accounts) {
            if (account.isPlaceholder()) {
                kept.add(account);
                continue;
            }
            Credential credential = new Credential(account.otp());
            Integer twin = places.get(credential);
            if (twin == null) {
                places.put(credential, kept.size());
                kept.add(account);
            } else if (account.created() < kept.get(twin).created() || (account.created() == kept.get(twin).created()
                    && account.id().compareTo(kept.get(twin).id()) < 0)) {
                kept.set(twin, account);
            }
        }
        return kept;
    }

    /** What {@link OtpParameters#sameCredentialAs} compares (type and secret), as a key. */
    private static final class Credential {
        private final OtpType type;
        private final byte[] secret;
        private final int hash;

        Credential(OtpParameters otp) {
            this.type = otp.type();
            this.secret = otp.secret();
            this.hash = 31 * type.ordinal() + java.util.Arrays.hashCode(secret);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Credential && ((Credential) o).type == type
                    && java.util.Arrays.equals(((Credential) o).secret, secret);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * Joining a backup from a browser that already has accounts (Merge, or backup turned on again after "Stop on
     * this device"): the two are synced as two devices are ({@link #sync}), so that the backup's changes made
     * meanwhile (edits, order, deletions, which land in Recently deleted here) are not undone by this browser's
     * next upload; a placeholder from the backup that names an account here with its secret is not added again.
     */
    public static Vault join(Vault local, Vault backup, long now) {
        // The backup's copy of an account that is here under another id (added on both sides) gives way to this
        // browser's, which is never overwritten: its id is deleted, so the other devices keep it in Recently deleted.
        List<Account> backupAccounts = new ArrayList<>();
        Map<String, Long> backupTombstones = new LinkedHashMap<>(backup.tombstones());
        for (Account account : backup.accounts()) {
            Account twin = local.find(account.id()) != null ? null : local.findSameCredential(account);
            if (twin != null) {
                backupTombstones.put(account.id(), now);
            } else {
                backupAccounts.add(account);
            }
        }
        Vault merged = sync(local, new Vault(backupAccounts, backup.settings(), backupTombstones,
                backup.recentlyDeleted(), backup.orderedAt(), backup.groups()), now);
        List<Account> kept = new ArrayList<>();
        for (Account account : merged.accounts()) {
            if (account.isPlaceholder() && local.find(account.id()) == null && isKnown(local.accounts(), account)) {
                continue;
            }
            kept.add(account);
        }
        if (clamp(backup.orderedAt(), now) > clamp(local.orderedAt(), now)) {
            // The backup was reordered after this browser: its order, as every device has it.
            return new Vault(kept, merged.settings(), merged.tombstones(), merged.recentlyDeleted(),
                    merged.orderedAt(), merged.groups()).withUsedAt(merged.usedAt());
        }
        // Otherwise this browser's accounts come first, as they were, and the backup's others after them; the
        // order is stamped now, so that every device takes it.
        List<Account> ordered = new ArrayList<>();
        for (Account account : local.accounts()) {
            if (containsId(kept, account.id())) {
                ordered.add(findIn(kept, account.id()));
            }
        }
        for (Account account : kept) {
            if (local.find(account.id()) == null) {
                ordered.add(account);
            }
        }
        return new Vault(ordered, merged.settings(), merged.tombstones(), merged.recentlyDeleted(),
                Math.max(now, merged.orderedAt()), merged.groups()).withUsedAt(merged.usedAt());
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
