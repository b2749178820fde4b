package fob.vault;

import fob.link.OtpAuthLink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts in the user's order, the settings, and the tombstones of deleted accounts (so that a deletion
 * reaches the user's other devices instead of being undone by them). Immutable: every change returns a new
 * vault, which the page adopts only once it is safely stored.
 */
public final class Vault {
    public static final Vault EMPTY = new Vault(Collections.emptyList(), Settings.DEFAULTS);
    /** A bound that no person reaches and that keeps a runaway import from filling the browser's storage. */
    public static final int MAX_ACCOUNTS = 10_000;
    /** Deletions remembered; the oldest are forgotten first. */
    public static final int MAX_TOMBSTONES = 2_000;

    private final List<Account> accounts;
    private final Settings settings;
    private final Map<String, Long> tombstones;

    public Vault(List<Account> accounts, Settings settings) {
        this(accounts, settings, Collections.emptyMap());
    }

    /** {@code tombstones}: deleted account ids and when they were deleted, oldest first. */
    public Vault(List<Account> accounts, Settings settings, Map<String, Long> tombstones) {
        this.accounts = Collections.unmodifiableList(new ArrayList<>(accounts));
        this.settings = settings;
        this.tombstones = Collections.unmodifiableMap(new LinkedHashMap<>(tombstones));
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
            throw new VaultException("An account with this id is already in Fob");
        }
        Account same = findSameCredential(account);
        if (same != null) {
            throw new VaultException("This account is already in Fob: " + describe(same));
        }
        if (accounts.size() >= MAX_ACCOUNTS) {
            throw new VaultException("Fob holds at most " + MAX_ACCOUNTS + " accounts");
        }
        List<Account> next = new ArrayList<>(accounts);
        next.add(account);
        return new Vault(next, settings, tombstones);
    }

    /** Replaces the account with the same id; refuses a change that would duplicate another account's secret. */
    public Vault replace(Account account) throws VaultException {
        int index = require(account.id());
        Account same = findSameCredential(account);
        if (same != null) {
            throw new VaultException("Another account already has this secret key: " + describe(same));
        }
        List<Account> next = new ArrayList<>(accounts);
        next.set(index, account);
        return new Vault(next, settings, tombstones);
    }

    /** Removes the account and remembers when, so that the deletion reaches the other devices too. */
    public Vault remove(String id, long now) throws VaultException {
        int index = require(id);
        List<Account> next = new ArrayList<>(accounts);
        next.remove(index);
        Map<String, Long> dead = new LinkedHashMap<>(tombstones);
        dead.put(id, now);
        while (dead.size() > MAX_TOMBSTONES) {
            dead.remove(dead.keySet().iterator().next());
        }
        return new Vault(next, settings, dead);
    }

    /** Moves an account {@code offset} places (negative is up); a move past either end is refused. */
    public Vault move(String id, int offset) throws VaultException {
        int index = require(id);
        int target = index + offset;
        if (target < 0 || target >= accounts.size()) {
            throw new VaultException("The account cannot move further " + (offset < 0 ? "up" : "down"));
        }
        List<Account> next = new ArrayList<>(accounts);
        next.add(target, next.remove(index));
        return new Vault(next, settings, tombstones);
    }

    /**
     * Turns a placeholder (a work or school account restored without its secret) back into a working account,
     * when the link names the same issuer and account name.
     */
    public Vault completePlaceholder(String id, String issuer, String name, fob.otp.OtpParameters otp, long now)
            throws VaultException {
        Account placeholder = find(id);
        if (placeholder == null || !placeholder.isPlaceholder()) {
            throw new VaultException("That account needs no setup");
        }
        if (!placeholder.issuer().trim().equalsIgnoreCase(issuer.trim())
                || !placeholder.name().trim().equalsIgnoreCase(name.trim())) {
            throw new VaultException("This code is for " + OtpAuthLink.displayName(issuer, name) + ", not for "
                    + describe(placeholder));
        }
        return replace(placeholder.withOtp(otp, now));
    }

    public Vault withSettings(Settings settings) {
        return new Vault(accounts, settings, tombstones);
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
            throw new VaultException("That account is no longer in Fob");
        }
        return index;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Vault)) {
            return false;
        }
        Vault v = (Vault) o;
        return v.accounts.equals(accounts) && v.settings.equals(settings) && v.tombstones.equals(tombstones);
    }

    @Override
    public int hashCode() {
        return accounts.hashCode() * 31 + settings.hashCode();
    }
}
