package fob.web.ui;

import fob.screen.AccountList;
import fob.screen.CodeMask;
import fob.screen.Countdown;
import fob.screen.Countdowns;
import fob.screen.ListBuilding;
import fob.screen.RowAction;
import fob.vault.Account;
import fob.vault.AccountFilter;
import fob.vault.Vault;
import fob.web.js.Browser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The list of accounts on the main screen. Every account is a list item (search, the keyboard and screen readers
 * reach all of them), but only rows on screen cost anything: the first screenful is built at once and the rest in
 * chunks after it (which go into the page together, once the last is built), CSS {@code content-visibility} skips
 * laying out rows off screen, and only rows on screen have their codes worked out, each second.
 */
public final class AccountListView {
    /** What the buttons of a row do. */
    public interface Actions extends RowAction.Handler {
        void copy(AccountRow row);

        /** Drag and drop: to the place of the row it was dropped on. */
        void moveTo(Account account, int index);
    }

    private final HTMLElement list = Dom.byId("accounts");
    private final HTMLElement empty = Dom.byId("empty-vault");
    private final HTMLElement noMatch = Dom.byId("no-match");
    private final Actions actions;
    private final CodeMask mask = new CodeMask();
    private final IconLoader icons = new IconLoader();
    private AccountList shown = AccountList.of(Vault.EMPTY, AccountFilter.ALL);
    /** The rows built so far, one per account from the first: the others follow in chunks. */
    private List<AccountRow> rows = new ArrayList<>();
    private int built;
    /** The rows built after the first screenful, out of the page until the last of them is built. */
    private HTMLElement waiting;
    /** The rows of the last rendering, by account id: a row whose account and place are unchanged is kept. */
    private final Map<String, AccountRow> previous = new HashMap<>();
    private int renderGeneration;
    private final Set<AccountRow> onScreenRows = new LinkedHashSet<>();
    private int matches;
    private final OnScreen onScreen = new OnScreen(this::seen, () -> tick(System.currentTimeMillis()));

    /** The icons of the rows, which the account dialog's icon choices draw with too. */
    IconLoader icons() {
        return icons;
    }

    public AccountListView(Actions actions) {
        this.actions = actions;
    }

    private void seen(int index, boolean visible) {
        if (index >= rows.size()) {
            return;
        }
        AccountRow row = rows.get(index);
        row.onScreen = visible;
        if (visible) {
            icons.show(row);
            onScreenRows.add(row);
        } else if (onScreenRows.remove(row)) {
            row.forgetCode();
        }
    }

    public void render(Vault vault) {
        String focusedId = null;
        String focusedButton = null;
        HTMLElement active = Dom.document().getActiveElement();
        if (active != null && Dom.contains(list, active)) {
            HTMLElement item = Dom.closest(active, "li");
            if (item != null && !active.getClassName().isEmpty()) {
                focusedId = item.getAttribute("data-id");
                focusedButton = active.getClassName();
            }
        }
        previous.clear();
        for (int i = 0; i < built; i++) {
            previous.put(rows.get(i).account.id(), rows.get(i));
        }
        renderGeneration++;
        onScreen.forgetAll();
        onScreenRows.clear();
        list.clear();
        waiting = null;
        shown = AccountList.of(vault, shown.filter());
        rows = new ArrayList<>(shown.accounts().size());
        Browser.mark("fob-list-render");
        built = 0;
        matches = 0;
        buildUpTo(ListBuilding.firstEnd(shown.accounts().size()), true);
        Dom.show(empty, shown.isEmpty());
        showNoMatch();
        tick(System.currentTimeMillis());
        if (built < shown.accounts().size()) {
            scheduleChunk(renderGeneration);
        }
        if (focusedId != null) {
            for (int i = 0; i < built; i++) {
                if (rows.get(i).account.id().equals(focusedId)) {
                    focusAgain(rows.get(i), focusedButton);
                }
            }
        }
    }

    /**
     * Builds rows up to {@code end}; the first screenful counts as on screen until the observer says. The first
     * build goes into the page at once; the rows of later chunks wait out of it until the last is built, and go in
     * together: appended chunk by chunk, each made the browser lay out and observe the whole grown list again, which
     * was three quarters of the time to list a restored 10,000-account vault (its profile: 3.0 of 4.1 s native,
     * in passes that grew with the list).
     */
    private void buildUpTo(int end, boolean assumeOnScreen) {
        if (!assumeOnScreen && waiting == null) {
            waiting = fragment();
        }
        HTMLElement fragment = assumeOnScreen ? fragment() : waiting;
        for (int i = built; i < end; i++) {
            Account account = shown.accounts().get(i);
            AccountRow old = previous.get(account.id());
            AccountRow row = old != null && old.fits(account, shown.place(i)) ? old
                    : new AccountRow(account, shown.place(i), mask, actions);
            rows.add(row);
            boolean match = shown.shows(row.account);
            row.setFilteredOut(!match);
            matches += match ? 1 : 0;
            row.onScreen = ListBuilding.assumedOnScreen(i, assumeOnScreen, match);
            if (row.onScreen) {
                icons.show(row);
                onScreenRows.add(row);
            } else {
                row.forgetCode();
            }
            fragment.appendChild(row.item);
            onScreen.watch(row.item, i);
        }
        if (assumeOnScreen) {
            list.appendChild(fragment);
        }
        built = end;
        if (built == shown.accounts().size()) {
            addWaitingRows();
            previous.clear();
        }
    }

    /** Puts the rows built out of the page into it, after those already there. */
    private void addWaitingRows() {
        if (waiting != null) {
            list.appendChild(waiting);
            waiting = null;
        }
    }

    private void scheduleChunk(int generation) {
        Window.setTimeout(() -> {
            if (generation != renderGeneration) {
                return;
            }
            buildUpTo(ListBuilding.nextEnd(built, shown.accounts().size()), false);
            showNoMatch();
            if (built < shown.accounts().size()) {
                scheduleChunk(generation);
            } else {
                Browser.mark("fob-list-complete");
            }
        }, 0);
    }

    /** Builds every row still waiting (before something needs a row that may be far down the list). */
    private void buildAll() {
        if (built < shown.accounts().size()) {
            buildUpTo(shown.accounts().size(), false);
            showNoMatch();
        }
    }

    @JSBody(script = "return document.createDocumentFragment();")
    private static native HTMLElement fragment();

    /** Keeps the keyboard where it was: on the same button of the row (its code, or "More actions"). */
    private static void focusAgain(AccountRow row, String buttonClass) {
        HTMLElement button = row.item.querySelector("button." + buttonClass);
        if (button != null) {
            button.focus();
        }
    }

    /** Works out and shows the codes and countdowns of the rows on screen; off screen nothing is computed. */
    public void tick(long now) {
        double started = Browser.now();
        int computed = 0;
        Countdowns countdowns = new Countdowns(now);
        List<AccountRow> shown = new ArrayList<>(onScreenRows.size());
        List<Countdown> shownCountdowns = new ArrayList<>(onScreenRows.size());
        for (AccountRow row : onScreenRows) {
            if (row.isFilteredOut()) {
                continue;
            }
            Countdown countdown = countdowns.of(row.account.otp());
            if (row.computeCode(countdown)) {
                computed++;
            }
            shown.add(row);
            shownCountdowns.add(countdown);
        }
        double codesDone = Browser.now();
        for (int i = 0; i < shown.size(); i++) {
            shown.get(i).show(shownCountdowns.get(i), true);
        }
        // For the benchmarks: computing the codes, and the whole refresh (most only move the countdowns).
        if (computed > 0) {
            Browser.measure("fob-codes", started, codesDone, computed);
        }
        Browser.measure("fob-refresh", started, Browser.now(), computed);
    }

    /** The search field's text. */
    public void filter(String query) {
        refilter(shown.filter().withQuery(query));
    }

    /** A group's id, or null for every group. */
    public void filterGroup(String groupId) {
        refilter(shown.filter().inGroup(groupId));
    }

    public String groupShown() {
        return shown.filter().groupId();
    }

    private void refilter(AccountFilter next) {
        shown = shown.filtered(next);
        // A search may match only rows still waiting: they go into the page now, the later chunks after them.
        addWaitingRows();
        matches = 0;
        for (int i = 0; i < built; i++) {
            AccountRow row = rows.get(i);
            boolean match = shown.shows(row.account);
            row.setFilteredOut(!match);
            matches += match ? 1 : 0;
        }
        showNoMatch();
        tick(System.currentTimeMillis());
    }

    private void showNoMatch() {
        noMatch.setTextContent(shown.nothingMatches());
        Dom.show(noMatch, shown.saysNothingMatches(built, matches));
    }

    /** Masks every code (the tab is in the background and the person chose that), or shows them again. */
    public void hideCodes(boolean hidden) {
        if (mask.maskAll(hidden)) {
            tick(System.currentTimeMillis());
        }
    }

    /** "Hide codes until clicked". */
    public void hideCodesUntilClicked(boolean hide) {
        if (mask.maskUntilClicked(hide)) {
            tick(System.currentTimeMillis());
        }
    }

    /** Shows the account's row, after it was added. */
    public void reveal(String accountId) {
        buildAll();
        for (AccountRow row : rows) {
            if (row.account.id().equals(accountId)) {
                row.item.getClassList().add("new");
                scrollIntoView(row.item);
            }
        }
    }

    @JSBody(params = "element", script = "element.scrollIntoView({block: 'nearest'});")
    private static native void scrollIntoView(HTMLElement element);
}
