package fob.web.ui;

import fob.vault.Account;
import fob.vault.Vault;
import fob.web.js.Browser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Which rows are on screen: only theirs need their countdowns moved every second. */
    private final OnScreen onScreen = new OnScreen(() -> tick(System.currentTimeMillis()));

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
        onScreen.forgetAll();
        List<Account> accounts = vault.accounts();
        for (int i = 0; i < accounts.size(); i++) {
            AccountRow row = new AccountRow(accounts.get(i), i, accounts.size(), actions);
            rows.add(row);
            list.appendChild(row.item);
            onScreen.watch(row.item);
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
        double started = Browser.now();
        int computed = 0;
        Map<Integer, Countdown> countdowns = new HashMap<>();
        int lastPeriod = 0;
        Countdown lastCountdown = null;
        List<AccountRow> shown = new ArrayList<>(rows.size());
        List<Countdown> shownCountdowns = new ArrayList<>(rows.size());
        for (AccountRow row : rows) {
            if (row.isFilteredOut()) {
                continue;
            }
            Countdown countdown = null;
            if (row.isTimeBased()) {
                int period = row.period();
                // Most accounts share a period: look it up only when it changes from the row before.
                if (period != lastPeriod) {
                    lastPeriod = period;
                    lastCountdown = countdowns.computeIfAbsent(period, p -> Countdown.at(now, p));
                }
                countdown = lastCountdown;
            }
            if (row.computeCode(codesHidden, countdown)) {
                computed++;
            }
            shown.add(row);
            shownCountdowns.add(countdown);
        }
        double codesDone = Browser.now();
        for (int i = 0; i < shown.size(); i++) {
            shown.get(i).show(shownCountdowns.get(i), onScreen.isOnScreen(shown.get(i).item));
        }
        // For the benchmarks: computing the codes, and the whole refresh (most only move the countdowns).
        if (computed > 0) {
            Browser.measure("fob-codes", started, codesDone, computed);
        }
        Browser.measure("fob-refresh", started, Browser.now(), computed);
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
            row.setFilteredOut(!match);
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
