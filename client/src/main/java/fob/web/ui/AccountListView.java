package fob.web.ui;

import fob.vault.Account;
import fob.vault.Vault;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/** The list of accounts on the main screen. */
public final class AccountListView {
    /** What the buttons of a row do. */
    public interface Actions {
        void copy(AccountRow row);

        void nextCode(Account account);

        void edit(Account account);

        void delete(Account account);

        void move(Account account, int offset);

        void finishSetup(Account placeholder);
    }

    private final HTMLElement list = Dom.byId("accounts");
    private final HTMLElement empty = Dom.byId("empty-vault");
    private final HTMLElement noMatch = Dom.byId("no-match");
    private final Actions actions;
    private final List<AccountRow> rows = new ArrayList<>();
    private String query = "";
    private boolean codesHidden;

    public AccountListView(Actions actions) {
        this.actions = actions;
    }

    public void render(Vault vault) {
        String focusedId = null;
        String focusedAction = null;
        HTMLElement active = Dom.document().getActiveElement();
        if (active != null && Dom.contains(list, active)) {
            HTMLElement item = Dom.closest(active, "li");
            if (item != null) {
                focusedId = item.getAttribute("data-id");
                focusedAction = active.getClassName();
            }
        }
        list.clear();
        rows.clear();
        List<Account> accounts = vault.accounts();
        for (int i = 0; i < accounts.size(); i++) {
            AccountRow row = new AccountRow(accounts.get(i), i, accounts.size(), actions);
            rows.add(row);
            list.appendChild(row.item);
        }
        Dom.show(empty, accounts.isEmpty());
        applyFilter();
        tick(System.currentTimeMillis());
        if (focusedId != null) {
            for (AccountRow row : rows) {
                if (row.account.id().equals(focusedId)) {
                    focusEnabled(row, focusedAction);
                }
            }
        }
    }

    /** Keeps the keyboard where it was: on the same button, or on its neighbour if that one is now disabled. */
    private static void focusEnabled(AccountRow row, String action) {
        String fallback = "up".equals(action) ? "down" : "down".equals(action) ? "up" : "edit";
        for (String candidate : new String[] {action, fallback}) {
            HTMLElement button = row.item.querySelector("button." + candidate);
            if (button != null && !button.hasAttribute("disabled")) {
                button.focus();
                return;
            }
        }
    }

    public void tick(long now) {
        for (AccountRow row : rows) {
            if (!row.item.isHidden()) {
                row.update(now, codesHidden);
            }
        }
    }

    public void filter(String query) {
        this.query = query;
        applyFilter();
        tick(System.currentTimeMillis());
    }

    private void applyFilter() {
        int visible = 0;
        for (AccountRow row : rows) {
            boolean match = row.account.matches(query);
            row.item.setHidden(!match);
            if (match) {
                visible++;
            }
        }
        Dom.show(noMatch, !rows.isEmpty() && visible == 0);
    }

    public void hideCodes(boolean hidden) {
        if (hidden != codesHidden) {
            codesHidden = hidden;
            tick(System.currentTimeMillis());
        }
    }

    /** Shows the account's row, after it was added. */
    public void reveal(String accountId) {
        for (AccountRow row : rows) {
            if (row.account.id().equals(accountId)) {
                row.item.getClassList().add("new");
                scrollIntoView(row.item);
            }
        }
    }

    @org.teavm.jso.JSBody(params = "element", script = "element.scrollIntoView({block: 'nearest'});")
    private static native void scrollIntoView(HTMLElement element);
}
