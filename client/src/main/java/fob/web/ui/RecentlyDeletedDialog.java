package fob.web.ui;

import fob.local.VaultSession;
import fob.text.Text;
import fob.vault.Deleted;
import fob.vault.Vault;
import fob.web.Async;
import fob.web.js.Browser;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/** "Recently deleted": each deleted account, newest first, with "Restore" (and "Delete for good" where only here). */
public final class RecentlyDeletedDialog {
    private final HTMLElement dialog = Dom.byId("recently-deleted-dialog");
    private final HTMLElement list = Dom.byId("recently-deleted-list");
    private final VaultSession session;
    private final ConfirmDialog confirm;

    public RecentlyDeletedDialog(VaultSession session, ConfirmDialog confirm) {
        this.session = session;
        this.confirm = confirm;
        Dom.onClick(Dom.byId("recently-deleted-close"), () -> Browser.closeDialog(dialog));
        session.onChange(() -> {
            if (dialog.hasAttribute("open")) {
                render();
            }
        });
    }

    public void open() {
        Messages.show("recently-deleted-error", null);
        render();
        Browser.showModal(dialog);
    }

    private void render() {
        list.clear();
        List<Deleted> deleted = session.vault().recentlyDeleted();
        for (int i = deleted.size() - 1; i >= 0; i--) {
            Deleted entry = deleted.get(i);
            String id = entry.account().id();
            String name = Vault.describe(entry.account());
            HTMLElement item = Dom.element("li", null);
            String when = DateTimes.of(entry.deletedAt());
            item.appendChild(Dom.text("span", null, entry.onAnotherDevice()
                    ? Text.t("{0}, deleted {1} on another device", name, when)
                    : Text.t("{0}, deleted {1}", name, when)));
            item.appendChild(Dom.button(Text.t("Restore"), null, () -> Async.run(() -> {
                session.change(vault -> vault.restoreDeleted(id, System.currentTimeMillis()));
                Toast.show(Text.t("Restored {0}.", name));
            }, message -> Messages.show("recently-deleted-error", message))));
            if (entry.keptUntilDeletedHere()) {
                item.appendChild(Dom.button(Text.t("Delete for good"), null, () -> confirm.ask(
                        Text.t("Delete for good?"),
                        Text.t("{0} is a work or school account whose secret is only on this device: backups hold no"
                                + " secret for it. Without it you may be unable to sign in.", name),
                        Text.t("Delete for good"),

                        () -> Async.run(() -> session.change(vault -> vault.forgetDeleted(id)),
                                message -> Messages.show("recently-deleted-error", message)))));
            }
            list.appendChild(item);
        }
        Dom.show(Dom.byId("recently-deleted-empty"), deleted.isEmpty());
    }
}
