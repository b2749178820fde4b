package fob.web.ui;

import fob.local.VaultSession;
import fob.screen.NewVault;
import fob.text.Text;
import fob.web.Async;
import fob.web.js.Browser;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * What the page shows when its stored vault cannot be opened: why, and the two ways on, "Begin recovery" and
 * "Start a new vault" (after typing "new vault"). Both keep the unreadable vault aside; nothing else writes.
 */
public final class UnreadableVaultPanel {

    private final HTMLElement panel = Dom.byId("unreadable-vault");
    private final TypedConfirmation confirmation = new TypedConfirmation("start-over", Text.t("new vault"));
    private final VaultSession session;

    public UnreadableVaultPanel(VaultSession session, RecoveryDialog recovery) {
        this.session = session;
        Dom.onClick(Dom.byId("unreadable-recovery"), recovery::open);
        Dom.onClick(Dom.byId("unreadable-start-new"), this::ask);
        Dom.onClick(Dom.byId("start-over-yes"), this::startOver);
        Dom.onClick(Dom.byId("start-over-no"), confirmation::close);
    }

    /** Shows or hides the panel for the session's state; returns whether the vault is unreadable. */
    public boolean update() {
        boolean unreadable = session.isUnreadable();
        if (unreadable) {
            Dom.byId("unreadable-reason").setTextContent(session.unreadableMessage());
        }
        Dom.show(panel, unreadable);
        return unreadable;
    }

    private void ask() {
        Dom.byId("start-over-text").setTextContent(NewVault.explanation(session.vault().accounts().size()));
        confirmation.open();
    }

    private void startOver() {
        if (!confirmation.confirmed()) {
            return;
        }
        Async.run(() -> {
            session.startOver();
            // The backup settings in this page's memory belonged to the old vault key: start afresh from storage.
            Browser.reload();
        }, confirmation::showError);
    }
}
