package fob.vault;

import fob.text.Text;

/**
 * What the list shows: the accounts that the search finds, in the chosen group (or in all). Immutable; the list
 * view asks it about each account.
 */
public final class AccountFilter {
    public static final AccountFilter ALL = new AccountFilter("", null);

    private final String query;
    private final String groupId;

    private AccountFilter(String query, String groupId) {
        this.query = query == null ? "" : query;
        this.groupId = groupId;
    }

    public AccountFilter withQuery(String newQuery) {
        return new AccountFilter(newQuery, groupId);
    }

    /** {@code id}: a group's id, or null for every account. */
    public AccountFilter inGroup(String id) {
        return new AccountFilter(query, id);
    }

    /** The chosen group's id, or null for "All". */
    public String groupId() {
        return groupId;
    }

    /** The same filter, on "All" if its group is gone (deleted here, or on another device). */
    public AccountFilter in(Vault vault) {
        return groupId != null && vault.group(groupId) == null ? inGroup(null) : this;
    }

    public boolean matches(Account account) {
        return (groupId == null || account.groups().contains(groupId)) && account.matches(query);
    }

    /** What the list says when nothing matches. */
    public String nothingMatches() {
        if (query.trim().isEmpty() && groupId != null) {
            return Text.t("No account is in this group yet. Choose groups for an account in its Edit dialog.");
        }
        return groupId == null ? Text.t("No account matches your search.")
                : Text.t("No account in this group matches your search.");

    }
}
