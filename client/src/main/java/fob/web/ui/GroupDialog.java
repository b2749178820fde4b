package fob.web.ui;

import fob.local.VaultSession;
import fob.text.Text;
import fob.vault.Group;
import fob.vault.Ids;
import fob.web.Async;
import fob.web.js.Browser;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;

/** "New group" and "Rename group": one name, checked by the vault (blank, too long, or another group's). */
public final class GroupDialog {
    private final HTMLElement dialog = Dom.byId("group-dialog");
    private final HTMLElement error = Dom.byId("group-name-error");
    private final VaultSession session;
    /** The group being renamed, or null when making one. */
    private Group renaming;

    public GroupDialog(VaultSession session) {
        this.session = session;
        Dom.byId("group-form").addEventListener("submit", (EventListener<Event>) event -> {
            event.preventDefault();
            save();
        });
        Dom.onClick(Dom.byId("cancel-group"), () -> Browser.closeDialog(dialog));
    }

    public void openForNew() {
        open(null, Text.t("New group"), "");
    }

    public void openForRenaming(Group group) {
        open(group, Text.t("Rename group"), group.name());
    }

    private void open(Group group, String title, String name) {
        renaming = group;
        Dom.byId("group-dialog-title").setTextContent(title);
        Dom.setValue("group-name", name);
        showProblem(null);
        Browser.showModal(dialog);
        Dom.byId("group-name").focus();
    }

    private void save() {
        String name = Dom.value("group-name");
        Group group = renaming;
        String id = group == null ? Ids.random() : group.id();
        Async.run(() -> {
            long now = System.currentTimeMillis();
            session.change(vault -> group == null ? vault.addGroup(id, name, now) : vault.renameGroup(id, name, now));
            Browser.closeDialog(dialog);
            Toast.show(group == null ? Text.t("Made the group {0}.", name.trim()) : Text.t("Renamed to {0}.",
                    name.trim()));

        }, this::showProblem);
    }

    private void showProblem(String message) {
        error.setTextContent(message == null ? "" : message);
        Dom.show(error, message != null);
        if (message == null) {
            Dom.byId("group-name").removeAttribute("aria-invalid");
        } else {
            Dom.byId("group-name").setAttribute("aria-invalid", "true");
        }
    }
}
