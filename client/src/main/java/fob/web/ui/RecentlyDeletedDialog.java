package fob.web.ui;

import fob.local.VaultSession;
import fob.screen.RecentlyDeletedList;
import fob.text.Text;
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
        List<RecentlyDeletedList.Line> lines = RecentlyDeletedList.of(session.vault());
        for (RecentlyDeletedList.Line line : lines) {
            String id = line.accountId();
            HTMLElement item = Dom.element("li", null);
            item.appendChild(Dom.text("span", null, line.text(DateTimes.of(line.deletedAt()))));
            item.appendChild(Dom.button(Text.t("Restore"), null, () -> Async.run(() -> {
                session.change(vault -> vault.restoreDeleted(id, System.currentTimeMillis()));
                Toast.show(Text.t("Restored {0}.", line.name()));
            }, message -> Messages.show("recently-deleted-error", message))));
            if (line.offersDeleteForGood()) {
                item.appendChild(Dom.button(Text.t("Delete for good"), null, () -> confirm.ask(
                        Text.t("Delete for good?"), line.deleteForGoodQuestion(), Text.t("Delete for good"),
                        () -> Async.run(() -> session.change(vault -> vault.forgetDeleted(id)),
                                message -> Messages.show("recently-deleted-error", message)))));
            }
            list.appendChild(item);
        }
        Dom.show(Dom.byId("recently-deleted-empty"), lines.isEmpty());
    }
}
