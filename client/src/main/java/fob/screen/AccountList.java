package fob.screen;

import fob.vault.Account;
import fob.vault.AccountFilter;
import fob.vault.SortOrder;
import fob.vault.Vault;
import java.util.Collections;
import java.util.List;

/**
 * What the main list shows of a vault: its accounts in the chosen order, where each row stands, which rows the
 * search and the group filter let through, and whether to say that none does.
 */
public final class AccountList {
    private final List<Account> accounts;
    private final boolean movable;
    private final AccountFilter filter;

    private AccountList(List<Account> accounts, boolean movable, AccountFilter filter) {
        this.accounts = Collections.unmodifiableList(accounts);
        this.movable = movable;
        this.filter = filter;
    }

    /** The list of this vault under this filter (back on "All" when its group is gone). */
    public static AccountList of(Vault vault, AccountFilter filter) {
        SortOrder order = vault.settings().sortBy();
        return new AccountList(order.sort(vault), order == SortOrder.MANUAL, filter.in(vault));
    }

    public List<Account> accounts() {
        return accounts;
    }

    public AccountFilter filter() {
        return filter;
    }

    /** The same accounts under another filter (a search typed, a group chosen). */
    public AccountList filtered(AccountFilter other) {
        return new AccountList(accounts, movable, other);
    }

    /** Where the account at {@code index} stands. */
    public RowPlace place(int index) {
        return new RowPlace(index, accounts.size(), movable);
    }

    public boolean shows(Account account) {
        return filter.matches(account);
    }

    /** Whether the vault has no account: the list shows how to add one instead. */
    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    /**
     * Whether to say that nothing matches, with {@code matches} rows let through of the first {@code built} (rows are
     * built in chunks: it is said only once all are built and none matched).
     */
    public boolean saysNothingMatches(int built, int matches) {
        return !accounts.isEmpty() && built == accounts.size() && matches == 0;
    }

    /** What it says then. */
    public String nothingMatches() {
        return filter.nothingMatches();
    }
}
