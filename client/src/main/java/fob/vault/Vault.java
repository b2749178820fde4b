package fob.vault;

import fob.link.OtpAuthLink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The accounts in the user's order, and the settings. Immutable: every change returns a new vault, which the
 * page adopts only once it is safely stored.
 */
public final class Vault {
    public static final Vault EMPTY = new Vault(Collections.emptyList(), Settings.DEFAULTS);
    /** A bound that no person reaches and that keeps a runaway import from filling the browser's storage. */
    public static final int MAX_ACCOUNTS = 10_000;

    private final List<Account> accounts;
    private final Settings settings;

    public Vault(List<Account> accounts, Settings settings) {
        this.accounts = Collections.unmodifiableList(new ArrayList<>(accounts));
        this.settings = settings;
    }

    public List<Account> accounts() {
        return accounts;
    }

    public Settings settings() {
        return settings;
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
            if (!existing.isPlaceholder() && existing.otp().sameCredentialAs(account.otp())) {
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
        return new Vault(next, settings);
    }

    public Vault replace(Account account) throws VaultException {
        int index = require(account.id());
        List<Account> next = new ArrayList<>(accounts);
        next.set(index, account);
        return new Vault(next, settings);
    }

    public Vault remove(String id) throws VaultException {
        int index = require(id);
        List<Account> next = new ArrayList<>(accounts);
        next.remove(index);
        return new Vault(next, settings);
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
        return new Vault(next, settings);
    }

    public Vault withSettings(Settings settings) {
        return new Vault(accounts, settings);
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
        return o instanceof Vault && ((Vault) o).accounts.equals(accounts) && ((Vault) o).settings.equals(settings);
    }

    @Override
    public int hashCode() {
        return accounts.hashCode() * 31 + settings.hashCode();
    }
}
