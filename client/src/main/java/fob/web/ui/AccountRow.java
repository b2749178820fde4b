package fob.web.ui;

import fob.icons.IconLook;
import fob.screen.CodeMask;
import fob.screen.Countdown;
import fob.screen.RowAction;
import fob.screen.RowCode;
import fob.screen.RowPlace;
import fob.text.Text;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.web.js.Browser;
import fob.web.js.DragAndDrop;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One account in the list: who it is, its current code (and in a period's last 10 seconds the next), its countdown
 * and its buttons. Its code is worked out only while the row is on screen; off screen it shows none.
 */
public final class AccountRow {
    final Account account;
    final HTMLElement item;
    /** The icon beside the name: the letter until {@link IconLoader} draws the icon. */
    final HTMLElement avatar;
    /** Whether {@link IconLoader} was asked for this row's icon already. */
    boolean iconAsked;
    private final RowPlace place;
    private final HTMLElement code;
    private final HTMLElement next;
    private final HTMLElement seconds;
    private final HTMLElement fill;
    private final RowCode rowCode;
    private boolean filteredOut;
    /** Whether the list's IntersectionObserver last saw the row on screen. */
    boolean onScreen;

    AccountRow(Account account, RowPlace place, CodeMask mask, AccountListView.Actions actions) {
        this.account = account;
        this.place = place;
        this.rowCode = new RowCode(account.id(), account.otp(), mask);
        item = Dom.element("li", "account");
        item.setAttribute("data-id", account.id());
        String labelId = "account-" + account.id();

        // Decorative: the issuer's name says the same in text.
        avatar = Dom.text("span", "avatar", IconLook.letter(account));
        avatar.setAttribute("aria-hidden", "true");
        avatar.getStyle().setProperty("background-color", IconLook.colour(account));
        item.appendChild(avatar);

        HTMLElement identity = Dom.element("div", "identity");
        identity.setAttribute("id", labelId);
        identity.appendChild(Dom.text("span", "issuer", account.issuer()));
        identity.appendChild(Dom.text("span", "name", account.name()));
        if (account.kind() == AccountKind.WORK_OR_SCHOOL) {
            identity.appendChild(Dom.text("span", "badge", Text.t("Work or school")));
        }
        item.appendChild(identity);

        HTMLElement codeBox = Dom.element("div", "otp");
        code = Dom.element("button", "code");
        next = Dom.element("span", "next");
        seconds = Dom.element("span", "seconds");
        fill = Dom.element("span", "fill");
        if (account.isPlaceholder()) {
            codeBox.appendChild(Dom.text("span", "action-required", Text.t("Action required")));
        } else {
            // The code is the button: a click or Enter copies it (or, hidden until clicked, first shows it).
            code.setAttribute("type", "button");
            code.setAttribute("aria-label", Text.t("Copy code"));
            code.setAttribute("aria-describedby", labelId);
            Dom.onClick(code, () -> {
                if (rowCode.clickReveals()) {
                    reveal();
                } else {
                    actions.copy(this);
                }
            });
            codeBox.appendChild(code);
            if (account.otp().type().isTimeBased()) {
                next.setHidden(true);
                codeBox.appendChild(next);
                HTMLElement countdown = Dom.element("span", "countdown");
                countdown.setAttribute("role", "timer");
                countdown.appendChild(seconds);
                HTMLElement bar = Dom.element("span", "bar");
                bar.setAttribute("aria-hidden", "true");
                bar.appendChild(fill);
                countdown.appendChild(bar);
                codeBox.appendChild(countdown);
            }
        }
        item.appendChild(codeBox);
        if (place.movable()) {
            dragToReorder(actions);
        }
        item.appendChild(RowMenu.button(labelId, () -> menuItems(actions)));
    }

    /** "More actions": what the row offers besides copying, as it stands when the menu opens. */
    private List<RowMenu.Item> menuItems(AccountListView.Actions actions) {
        List<RowMenu.Item> items = new ArrayList<>();
        for (RowAction.Item item : RowAction.menu(account, place)) {
            items.add(new RowMenu.Item(item.action.label(), item.enabled, () -> item.action.apply(actions, account)));
        }
        return items;
    }

    /** The account being dragged, in this page; null when none is. */
    private static Account dragged;

    private void dragToReorder(AccountListView.Actions actions) {
        item.setAttribute("draggable", "true");
        item.addEventListener("dragstart", (EventListener<Event>) event -> {
            dragged = account;
            DragAndDrop.start(event);
            item.getClassList().add("dragging");
        });
        item.addEventListener("dragend", (EventListener<Event>) event -> {
            dragged = null;
            item.getClassList().remove("dragging");
        });
        item.addEventListener("dragover", (EventListener<Event>) event -> {
            if (dragged != null) {
                DragAndDrop.allowDrop(event);
                item.getClassList().add("drop-target");
            }
        });
        item.addEventListener("dragleave", (EventListener<Event>) event -> item.getClassList().remove("drop-target"));
        item.addEventListener("drop", (EventListener<Event>) event -> {
            item.getClassList().remove("drop-target");
            Account moved = dragged;
            dragged = null;
            if (moved != null && moved != account) {
                event.preventDefault();
                actions.moveTo(moved, place.index());
            }
        });
    }

    /** Whether this row can stand for {@code other} at {@code otherPlace} in a new rendering. */
    boolean fits(Account other, RowPlace otherPlace) {
        return account == other && place.equals(otherPlace);
    }

    /** Hides or shows the row for a search; remembered here, since reading it back from the page costs more. */
    void setFilteredOut(boolean filteredOut) {
        if (filteredOut != this.filteredOut) {
            this.filteredOut = filteredOut;
            item.setHidden(filteredOut);
        }
    }

    boolean isFilteredOut() {
        return filteredOut;
    }

    /** Shows this row's code until it changes ("Hide codes until clicked"), also across a re-rendering. */
    private void reveal() {
        rowCode.reveal();
        show(null, onScreen);
    }

    /**
     * Works out the code of this moment ({@code countdown} is the period's, or null for HOTP) without touching
     * the page; cheap when the code has not changed. Answers whether it computed a new one.
     */
    boolean computeCode(Countdown countdown) {
        return rowCode.compute(countdown);
    }

    /** Off screen: the code is dropped, so that no stale code stays in the page (screen readers read it). */
    void forgetCode() {
        if (rowCode.forget()) {
            code.setTextContent("");
            code.setAttribute("aria-label", Text.t("Copy code"));
            next.setHidden(true);
        }
    }

    /** Shows a newly computed code, and the countdown when the row is on screen (off screen, nobody sees it). */
    void show(Countdown countdown, boolean rowOnScreen) {
        RowCode.Frame frame = rowCode.frame(countdown, rowOnScreen);
        if (frame.code != null) {
            code.setTextContent(frame.code);
            code.setAttribute("aria-label", frame.label);
        }
        if (countdown != null && rowOnScreen) {
            seconds.setTextContent(countdown.seconds);
            Browser.setStyle(fill, "transform", countdown.scale);
        }
        if (frame.expiring != null) {
            if (frame.expiring) {
                item.getClassList().add("expiring");
            } else {
                item.getClassList().remove("expiring");
            }
        }
        if (frame.nextCode != null) {
            next.setTextContent(frame.nextCode);
        }
        if (frame.nextShown != null) {
            next.setHidden(!frame.nextShown);
        }
    }

    public Account account() {
        return account;
    }
}
