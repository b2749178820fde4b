package fob.web.ui;

import fob.otp.OtpParameters;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.web.js.Browser;
import org.teavm.jso.dom.html.HTMLElement;

/** One account in the list: who it is, its current code, its countdown and its buttons. */
public final class AccountRow {
    final Account account;
    final HTMLElement item;
    private final HTMLElement code;
    private final HTMLElement seconds;
    private final HTMLElement fill;
    private long shownStep = Long.MIN_VALUE;
    private String currentCode = "";
    private boolean codesHidden;
    private boolean expiring;
    private boolean filteredOut;
    private boolean codeChanged;

    AccountRow(Account account, int index, int count, AccountListView.Actions actions) {
        this.account = account;
        item = Dom.element("li", "account");
        item.setAttribute("data-id", account.id());
        String labelId = "account-" + account.id();

        HTMLElement identity = Dom.element("div", "identity");
        identity.setAttribute("id", labelId);
        identity.appendChild(Dom.text("span", "issuer", account.issuer()));
        identity.appendChild(Dom.text("span", "name", account.name()));
        if (account.kind() == AccountKind.WORK_OR_SCHOOL) {
            identity.appendChild(Dom.text("span", "badge", "Work or school"));
        }
        item.appendChild(identity);

        HTMLElement codeBox = Dom.element("div", "otp");
        code = Dom.element("span", "code");
        seconds = Dom.element("span", "seconds");
        fill = Dom.element("span", "fill");
        if (account.isPlaceholder()) {
            codeBox.appendChild(Dom.text("span", "action-required", "Action required"));
        } else {
            Dom.onClick(code, () -> actions.copy(this));
            codeBox.appendChild(code);
            if (account.otp().type().isTimeBased()) {
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

        HTMLElement buttons = Dom.element("div", "actions");
        if (account.isPlaceholder()) {
            buttons.appendChild(describedButton("Finish setup", "finish", labelId, () -> actions.finishSetup(account)));
        } else {
            buttons.appendChild(describedButton("Copy code", "copy", labelId, () -> actions.copy(this)));
            if (!account.otp().type().isTimeBased()) {
                buttons.appendChild(describedButton("Next code", "next", labelId, () -> actions.nextCode(account)));
            }
        }
        buttons.appendChild(describedButton("Edit", "edit", labelId, () -> actions.edit(account)));
        buttons.appendChild(describedButton("Delete", "delete", labelId, () -> actions.delete(account)));
        HTMLElement up = describedButton("Move up", "up", labelId, () -> actions.move(account, -1));
        HTMLElement down = describedButton("Move down", "down", labelId, () -> actions.move(account, 1));
        if (index == 0) {
            up.setAttribute("disabled", "");
        }
        if (index == count - 1) {
            down.setAttribute("disabled", "");
        }
        buttons.appendChild(up);
        buttons.appendChild(down);
        item.appendChild(buttons);
    }

    private static HTMLElement describedButton(String label, String className, String describedBy, Runnable action) {
        HTMLElement button = Dom.button(label, className, action);
        button.setAttribute("aria-describedby", describedBy);
        return button;
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
        this.filteredOut = filteredOut;
        item.setHidden(filteredOut);
    }

    boolean isFilteredOut() {
        return filteredOut;
    }

    /**
     * Works out the code of this moment ({@code countdown} is the period's, or null for HOTP) without touching
     * the page; cheap when the code has not changed. Answers whether it computed a new one.
     */
    boolean computeCode(boolean hideCodes, Countdown countdown) {
        OtpParameters otp = account.otp();
        if (otp == null) {
            return false;
        }
        long step = countdown != null ? countdown.step : otp.counter();
        if (step == shownStep && hideCodes == codesHidden) {
            return false;
        }
        shownStep = step;
        codesHidden = hideCodes;
        currentCode = otp.codeAtStep(step);
        codeChanged = true;
        return true;
    }

    /** Shows a newly computed code, and the countdown when the row is on screen (off screen, nobody sees it). */
    void show(Countdown countdown, boolean onScreen) {
        if (codeChanged) {
            codeChanged = false;
            code.setTextContent(codesHidden ? CodeFormat.hidden(currentCode) : CodeFormat.grouped(currentCode));
        }
        if (countdown == null || !onScreen) {
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
    }

    public Account account() {
        return account;
    }

    public String currentCode() {
        return currentCode;
    }
}
