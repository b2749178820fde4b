package fob.vault;

import fob.link.OtpAuthLink;
import fob.text.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts in the user's order, the settings, the tombstones of deleted accounts (so that a deletion reaches
 * the user's other devices instead of being undone by them), and Recently deleted (the deleted accounts
 * themselves, restorable). Immutable: every change returns a new vault, which the page adopts only once it is
 * safely stored. Over 400 lines because each change builds the whole vault through its one private constructor, which
 * a class split off would need in the open.
 */
public final class Vault {
    public static final Vault EMPTY = new Vault(Collections.emptyList(), Settings.DEFAULTS);
    /** A bound that no person reaches and that keeps a runaway import from filling the browser's storage. */
    public static final int MAX_ACCOUNTS = 10_000;
    /** Deletions remembered; the oldest are forgotten first. */
    public static final int MAX_TOMBSTONES = 2_000;
    /** Accounts kept in Recently deleted; past this the oldest that may go, go first. */
    public static final int MAX_DELETED = 1_000;
    /** More groups than a filter row can show usefully. */
    public static final int MAX_GROUPS = 200;

    private final List<Account> accounts;
    private final Settings settings;
    private final Map<String, Long> tombstones;
    private final List<Deleted> recentlyDeleted;
    private final long orderedAt;
    private final List<Group> groups;
    private final Map<String, Long> usedAt;

    public Vault(List<Account> accounts, Settings settings) {
        this(accounts, settings, Collections.emptyMap());
    }

    /** {@code tombstones}: deleted account ids and when they were deleted, oldest first. */
    public Vault(List<Account> accounts, Settings settings, Map<String, Long> tombstones) {
        this(accounts, settings, tombstones, Collections.emptyList());
    }

    public Vault(List<Account> accounts, Settings settings, Map<String, Long> tombstones,
            List<Deleted> recentlyDeleted) {
        this(accounts, settings, tombstones, recentlyDeleted, 0);
    }

    /** {@code orderedAt}: when the person last reordered the accounts (0 for never), so that merges agree on order. */
    public Vault(List<Account> accounts, Settings settings, Map<String, Long> tombstones,
            List<Deleted> recentlyDeleted, long orderedAt) {
        this(accounts, settings, tombstones, recentlyDeleted, orderedAt, Collections.emptyList());
    }

    /**
     * {@code groups}: the person's groups (in any order: kept by name). A deleted group leaves a tombstone among the
     * accounts' (its id is as random as theirs), so that the deletion reaches the other devices too.
     */
    public Vault(List<Account> accounts, Settings settings, Map<String, Long> tombstones,
            List<Deleted> recentlyDeleted, long orderedAt, List<Group> groups) {
        this(accounts, settings, tombstones, recentlyDeleted, orderedAt, groups, Collections.emptyMap());
    }

    private Vault(List<Account> accounts, Settings settings, Map<String, Long> tombstones,
            List<Deleted> recentlyDeleted, long orderedAt, List<Group> groups, Map<String, Long> usedAt) {
        this.usedAt = usedAt.isEmpty() ? Collections.emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(usedAt));
        this.groups = groups.isEmpty() ? Collections.emptyList() : Collections.unmodifiableList(byName(groups));
        this.orderedAt = orderedAt;
        this.accounts = Collections.unmodifiableList(new ArrayList<>(accounts));
        this.settings = settings;
        this.tombstones = Collections.unmodifiableMap(new LinkedHashMap<>(tombstones));
        this.recentlyDeleted = Collections.unmodifiableList(new ArrayList<>(recentlyDeleted));
    }

    public List<Account> accounts() {
        return accounts;
    }

    public Settings settings() {
        return settings;
    }

    public Map<String, Long> tombstones() {
        return tombstones;
    }

    /**
     * When a code of each account was last copied on this device (for "Recently used"). It stays on this device, as
     * Recently deleted does: a backup written at every copy would tell the server when each code is used.
     */
    public Map<String, Long> usedAt() {
        return usedAt;
    }

    /** The same vault with this device's times of use (merges and restores keep this device's). */
    public Vault withUsedAt(Map<String, Long> times) {
        return new Vault(accounts, settings, tombstones, recentlyDeleted, orderedAt, groups, times);
    }

    /** A code of the account was copied now; a time is kept only for accounts still here. */
    public Vault used(String id, long now) throws VaultException {
        require(id);
        Map<String, Long> times = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : usedAt.entrySet()) {
            if (!entry.getKey().equals(id) && indexOf(entry.getKey()) >= 0) {
                times.put(entry.getKey(), entry.getValue());
            }
        }
        times.put(id, now);
        return withUsedAt(times);
    }

    /** The person's groups, by name (any case), then by id. */
    public List<Group> groups() {
        return groups;
    }

    /** The group with this id, or null when there is none (or no longer). */
    public Group group(String id) {
        for (Group group : groups) {
            if (group.id().equals(id)) {
                return group;
            }
        }
        return null;
    }

    /** The groups an account is in that still exist, by name. */
    public List<Group> groupsOf(Account account) {
        List<Group> of = new ArrayList<>();
        for (Group group : groups) {
            if (account.groups().contains(group.id())) {
                of.add(group);
            }
        }
        return of;
    }

    /** The group named so (any case), or null. */
    public Group groupNamed(String name) {
        for (Group group : groups) {
            if (Group.key(group.name()).equals(Group.key(name))) {
                return group;
            }
        }
        return null;
    }

    /** "New group": refused without a name, with a name another group has, and past {@link #MAX_GROUPS}. */
    public Vault addGroup(String id, String name, long now) throws VaultException {
        checkGroupName(name, null);
        if (groups.size() >= MAX_GROUPS) {
            throw new VaultException(Text.t("Fob holds at most {0} groups", MAX_GROUPS));
        }
        if (group(id) != null || tombstones.containsKey(id)) {
            throw new VaultException(Text.t("A group with this id was already in Fob"));
        }
        List<Group> next = new ArrayList<>(groups);
        next.add(new Group(id, name.trim(), now, now));
        return new Vault(accounts, settings, tombstones, recentlyDeleted, orderedAt, next, usedAt);
    }

    public Vault renameGroup(String id, String name, long now) throws VaultException {
        Group group = requireGroup(id);
        checkGroupName(name, id);
        List<Group> next = new ArrayList<>();
        for (Group each : groups) {
            next.add(each == group ? group.renamed(name.trim(), Math.max(now, group.updated() + 1)) : each);
        }
        return new Vault(accounts, settings, tombstones, recentlyDeleted, orderedAt, next, usedAt);
    }

    /**
     * Deletes the group, not its accounts: they stay, in their other groups. The accounts keep the id until they are
     * next edited (so that the deletion changes no account, and meets no other device's edit of one).
     */
    public Vault deleteGroup(String id, long now) throws VaultException {
        Group group = requireGroup(id);
        List<Group> next = new ArrayList<>(groups);
        next.remove(group);
        Map<String, Long> dead = new LinkedHashMap<>(tombstones);
        dead.put(id, Math.max(now, group.updated()));
        while (dead.size() > MAX_TOMBSTONES) {
            dead.remove(dead.keySet().iterator().next());
        }
        return new Vault(accounts, settings, dead, recentlyDeleted, orderedAt, next, usedAt);
    }

    /** Puts the account in exactly these groups (each must exist); ids of deleted groups are dropped. */
    public Vault setGroups(String accountId, List<String> groupIds, long now) throws VaultException {
        Account account = accounts.get(require(accountId));
        for (String groupId : groupIds) {
            requireGroup(groupId);
        }
        if (account.groups().equals(new ArrayList<>(new java.util.TreeSet<>(groupIds)))) {
            return this;
        }
        return replace(account.withGroups(groupIds, Math.max(now, account.updated() + 1)));
    }

    private void checkGroupName(String name, String renamedId) throws VaultException {
        String problem = Group.problemWith(name);
        if (problem != null) {
            throw new VaultException(problem);
        }
        Group same = groupNamed(name);
        if (same != null && !same.id().equals(renamedId)) {
            throw new VaultException(Text.t("There is already a group named {0}", same.name()));
        }
    }

    private Group requireGroup(String id) throws VaultException {
        Group group = group(id);
        if (group == null) {
            throw new VaultException(Text.t("That group is no longer in Fob"));
        }
        return group;
    }

    private static List<Group> byName(List<Group> groups) {
        List<Group> sorted = new ArrayList<>(groups);
        sorted.sort((a, b) -> {
            int c = Group.key(a.name()).compareTo(Group.key(b.name()));
            return c != 0 ? c : a.id().compareTo(b.id());
        });
        return sorted;
    }

    /** When the person last reordered the accounts, in milliseconds since the epoch; 0 for never. */
    public long orderedAt() {
        return orderedAt;
    }

    /** Deleted accounts that can still be restored, oldest first. */
    public List<Deleted> recentlyDeleted() {
        return recentlyDeleted;
    }

    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    public Account find(String id) {
        int index = indexOf(id);
        return index < 0 ? null : accounts.get(index);
    }

    /** An account with the same secret and type, or null. */
    public Account findSameCredential(Account account) {
        if (account.isPlaceholder()) {
            return null;
        }
        for (Account existing : accounts) {
            if (!existing.id().equals(account.id()) && !existing.isPlaceholder()
                    && existing.otp().sameCredentialAs(account.otp())) {
                return existing;
            }
        }
        return null;
    }

    /** Adds at the end; refuses an account that is already here, so that nothing is duplicated by mistake. */
    public Vault add(Account account) throws VaultException {
        if (indexOf(account.id()) >= 0) {
            throw new VaultException(Text.t("An account with this id is already in Fob"));
        }
        Account same = findSameCredential(account);
        if (same != null) {
            throw new VaultException(Text.t("This account is already in Fob: {0}", describe(same)));
        }
        if (accounts.size() >= MAX_ACCOUNTS) {
            throw new VaultException(Text.t("Fob holds at most {0} accounts", MAX_ACCOUNTS));
        }
        List<Account> next = new ArrayList<>(accounts);
        next.add(account);
        return new Vault(next, settings, tombstones, recentlyDeleted, orderedAt, groups, usedAt);
    }

    /** Replaces the account with the same id; refuses a change that would duplicate another account's secret. */
    public Vault replace(Account account) throws VaultException {
        int index = require(account.id());
        Account same = findSameCredential(account);
        if (same != null) {
            throw new VaultException(Text.t("Another account already has this secret key: {0}", describe(same)));
        }
        List<Account> next = new ArrayList<>(accounts);
        next.set(index, account);
        return new Vault(next, settings, tombstones, recentlyDeleted, orderedAt, groups, usedAt);
    }

    /**
     * Moves the account to Recently deleted and remembers when, so that the deletion reaches the other devices
     * too (where it lands in their Recently deleted).
     */
    public Vault remove(String id, long now) throws VaultException {
        int index = require(id);
        List<Account> next = new ArrayList<>(accounts);
        Account removed = next.remove(index);
        Map<String, Long> dead = new LinkedHashMap<>(tombstones);
        dead.put(id, now);
        while (dead.size() > MAX_TOMBSTONES) {
            dead.remove(dead.keySet().iterator().next());
        }
        List<Deleted> bin = new ArrayList<>(recentlyDeleted);
        bin.add(new Deleted(removed, now, false));
        return new Vault(next, settings, dead, bin, orderedAt, groups, usedAt).purgedAt(now);
    }

    /**
     * "Restore" in Recently deleted: the account comes back at the end of the list, its update time now, so that
     * it also wins over its tombstone on the other devices. Refused when an account with its secret is here again.
     */
    public Vault restoreDeleted(String id, long now) throws VaultException {
        int index = -1;
        for (int i = 0; i < recentlyDeleted.size(); i++) {
            if (recentlyDeleted.get(i).account().id().equals(id)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new VaultException(Text.t("That account is no longer in Recently deleted"));
        }
        Account account = recentlyDeleted.get(index).account();
        Account restored = account.edited(account.kind(), account.issuer(), account.name(), account.otp(),
                account.note(), Math.max(now, account.updated() + 1));
        List<Deleted> bin = new ArrayList<>(recentlyDeleted);
        bin.remove(index);
        Map<String, Long> dead = new LinkedHashMap<>(tombstones);
        dead.remove(id);
        if (indexOf(id) >= 0) {
            return new Vault(accounts, settings, dead, bin, orderedAt, groups, usedAt);
        }
        return new Vault(accounts, settings, dead, bin, orderedAt, groups, usedAt).add(restored);
    }

    /** "Delete for good" in Recently deleted. */
    public Vault forgetDeleted(String id) {
        List<Deleted> bin = new ArrayList<>();
        for (Deleted deleted : recentlyDeleted) {
            if (!deleted.account().id().equals(id)) {
                bin.add(deleted);
            }
        }
        return new Vault(accounts, settings, tombstones, bin, orderedAt, groups, usedAt);
    }

    /** Drops what Recently deleted keeps no longer: past 30 days (but see {@link Deleted}), and past its size. */
    public Vault purgedAt(long now) {
        List<Deleted> bin = new ArrayList<>();
        for (Deleted deleted : recentlyDeleted) {
            if (!deleted.expiredAt(now)) {
                bin.add(deleted);
            }
        }
        for (int i = 0; bin.size() > MAX_DELETED && i < bin.size(); ) {
            if (bin.get(i).keptUntilDeletedHere()) {
                i++;
            } else {
                bin.remove(i);
            }
        }
        return bin.size() == recentlyDeleted.size() ? this
                : new Vault(accounts, settings, tombstones, bin, orderedAt, groups, usedAt);
    }

    /**
     * Drag and drop: the account goes to place {@code target} (0 is the top), the others keep their order. Dropping
     * it where it is changes nothing; a place outside the list is refused.
     */
    public Vault moveTo(String id, int target, long now) throws VaultException {
        int index = require(id);
        if (target < 0 || target >= accounts.size()) {
            throw new VaultException(Text.t("There is no such place in the list"));
        }
        return target == index ? this : move(id, target - index, now);
    }

    /** Moves an account {@code offset} places (negative is up); a move past either end is refused. */
    public Vault move(String id, int offset, long now) throws VaultException {
        int index = require(id);
        int target = index + offset;
        if (target < 0 || target >= accounts.size()) {
            throw new VaultException(offset < 0 ? Text.t("The account cannot move further up")
                    : Text.t("The account cannot move further down"));

        }
        List<Account> next = new ArrayList<>(accounts);
        next.add(target, next.remove(index));
        return new Vault(next, settings, tombstones, recentlyDeleted, Math.max(now, orderedAt + 1), groups, usedAt);
    }

    public Vault withSettings(Settings settings) {
        return new Vault(accounts, settings, tombstones, recentlyDeleted, orderedAt, groups, usedAt);
    }

    public static String describe(Account account) {
        return OtpAuthLink.displayName(account.issuer(), account.name());
    }

    private int indexOf(String id) {
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private int require(String id) throws VaultException {
        int index = indexOf(id);
        if (index < 0) {
            throw new VaultException(Text.t("That account is no longer in Fob"));
        }
        return index;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Vault)) {
            return false;
        }
        Vault v = (Vault) o;
        return v.accounts.equals(accounts) && v.settings.equals(settings) && v.tombstones.equals(tombstones)
                && v.recentlyDeleted.equals(recentlyDeleted) && v.orderedAt == orderedAt && v.groups.equals(groups)
                && v.usedAt.equals(usedAt);
    }

    @Override
    public int hashCode() {
        return accounts.hashCode() * 31 + settings.hashCode();
    }
}
