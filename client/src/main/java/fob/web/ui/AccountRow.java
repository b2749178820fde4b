package fob.web.ui;

import fob.icons.IconLook;
import fob.otp.OtpParameters;
import fob.screen.CodeMask;
import fob.screen.CodeText;
import fob.screen.Countdown;
import fob.screen.RowAction;
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
    /** Which codes show as dots: the list's, shared by its rows. */
    private final CodeMask mask;
    private final HTMLElement code;
    private final HTMLElement next;
    private final HTMLElement seconds;
    private final HTMLElement fill;
    private long shownStep = Long.MIN_VALUE;
    private String currentCode = "";
    private String nextCode;
    private boolean shownMasked;
    private boolean shownNext;
    private boolean expiring;
    private boolean filteredOut;
    private boolean codeChanged;
    /** Whether the list's IntersectionObserver last saw the row on screen. */
    boolean onScreen;

    AccountRow(Account account, RowPlace place, CodeMask mask, AccountListView.Actions actions) {
        this.account = account;
        this.place = place;
        this.mask = mask;
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
                if (mask.clickReveals(account.id(), shownStep)) {
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
            items.add(new RowMenu.Item(item.action.label(), item.enabled, () -> act(item.action, actions)));
        }
        return items;
    }

    private void act(RowAction action, AccountListView.Actions actions) {
        switch (action) {
            case FINISH_SETUP:
                actions.finishSetup(account);
                break;
            case NEXT_CODE:
                actions.nextCode(account);
                break;
            case EDIT:
                actions.edit(account);
                break;
            case DELETE:
                actions.delete(account);
                break;
            case MOVE_UP:
                actions.move(account, -1);
                break;
            default:
                actions.move(account, 1);
        }
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

    /** Whether the row shows a countdown, the same for every account of its period. */
    boolean isTimeBased() {
        return account.otp() != null && account.otp().type().isTimeBased();
    }

    int period() {
        return account.otp().period();
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

    private boolean isMasked() {
        return mask.masked(account.id(), shownStep);
    }

    /** Shows this row's code until it changes ("Hide codes until clicked"), also across a re-rendering. */
    private void reveal() {
        mask.reveal(account.id(), shownStep);
        codeChanged = true;
        show(null, onScreen);
    }

    /**
     * Works out the code of this moment ({@code countdown} is the period's, or null for HOTP) without touching
     * the page; cheap when the code has not changed. Answers whether it computed a new one.
     */
    boolean computeCode(Countdown countdown) {
        OtpParameters otp = account.otp();
        if (otp == null) {
            return false;
        }
        boolean masked = isMasked();
        long step = countdown != null ? countdown.step : otp.counter();
        if (step == shownStep) {
            codeChanged |= masked != shownMasked;
            return false;
        }
        shownStep = step;
        currentCode = otp.codeAtStep(step);
        nextCode = null;
        codeChanged = true;
        return true;
    }

    /** Off screen: the code is dropped, so that no stale code stays in the page (screen readers read it). */
    void forgetCode() {
        if (shownStep != Long.MIN_VALUE) {
            shownStep = Long.MIN_VALUE;
            code.setTextContent("");
            next.setHidden(true);
            shownNext = false;
        }
    }

    /** Shows a newly computed code, and the countdown when the row is on screen (off screen, nobody sees it). */
    void show(Countdown countdown, boolean rowOnScreen) {
        boolean masked = isMasked();
        if (codeChanged) {
            codeChanged = false;
            shownMasked = masked;
            code.setTextContent(CodeText.shown(currentCode, masked));
            // The next code is written anew for this code (and its mask), when it is due.
            shownNext = false;
            next.setHidden(true);
        }
        if (countdown == null || !rowOnScreen) {
            return;
        }
        seconds.setTextContent(countdown.seconds);
        Browser.setStyle(fill, "transform", countdown.scale);
        if (countdown.expiring != expiring) {
            expiring = countdown.expiring;
            if (expiring) {
                item.getClassList().add("expiring");
            } else {
                item.getClassList().remove("expiring");
            }
        }
        boolean wantNext = countdown.nextDue && shownStep == countdown.step;
        if (wantNext && !shownNext) {
            if (nextCode == null) {
                nextCode = account.otp().codeAtStep(shownStep + 1);
            }
            next.setTextContent(CodeText.next(nextCode, masked));
        }
        if (wantNext != shownNext) {
            shownNext = wantNext;
            next.setHidden(!wantNext);
        }
    }

    public Account account() {
        return account;
    }
}
