package fob.web.ui;

import fob.local.VaultSession;
import fob.screen.GroupFilters;
import fob.text.Text;
import fob.vault.Group;
import fob.vault.Vault;
import fob.web.Async;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The group filters above the list ("All", then each group, as toggle buttons), and "New group", "Rename group"
 * and "Delete group" (the last two for the group shown).
 */
public final class GroupsBar {
    private final HTMLElement bar = Dom.byId("groups-bar");
    private final HTMLElement filters = Dom.byId("groups");
    private final HTMLElement rename = Dom.byId("rename-group");
    private final HTMLElement delete = Dom.byId("delete-group");
    private final VaultSession session;
    private final AccountListView list;
    private final GroupDialog dialog;
    private final ConfirmDialog confirm;

    public GroupsBar(VaultSession session, AccountListView list, ConfirmDialog confirm) {
        this.session = session;
        this.list = list;
        this.confirm = confirm;
        this.dialog = new GroupDialog(session);
        Dom.onClick(Dom.byId("new-group"), dialog::openForNew);
        Dom.onClick(rename, () -> {
            Group group = shown();
            if (group != null) {
                dialog.openForRenaming(group);
            }
        });
        Dom.onClick(delete, this::askToDelete);
    }

    /** After the list rendered: its filter already left a group that is gone. */
    public void render(Vault vault) {
        HTMLElement active = Dom.document().getActiveElement();
        String focused = active != null && Dom.contains(filters, active) ? active.getAttribute("data-group") : null;
        filters.clear();
        Dom.show(bar, GroupFilters.shown(vault));
        for (GroupFilters.Filter filter : GroupFilters.of(vault, list.groupShown())) {
            filters.appendChild(filter(filter.label, filter.groupId, filter.pressed));
        }
        boolean acts = GroupFilters.acted(vault, list.groupShown()) != null;
        Dom.show(rename, acts);
        Dom.show(delete, acts);
        if (focused != null) {
            HTMLElement again = filters.querySelector("button[data-group=\"" + focused + "\"]");
            if (again != null) {
                again.focus();
            }
        }
    }

    private HTMLElement filter(String name, String groupId, boolean pressed) {
        HTMLElement item = Dom.element("li", null);
        HTMLElement button = Dom.button(name, null, () -> show(groupId));
        button.setAttribute("aria-pressed", pressed ? "true" : "false");
        // "" stands for All, so that focus can come back to it after a rendering.
        button.setAttribute("data-group", groupId == null ? "" : groupId);
        item.appendChild(button);
        return item;
    }

    private void show(String groupId) {
        list.filterGroup(groupId);
        render(session.vault());
    }

    private Group shown() {
        return GroupFilters.acted(session.vault(), list.groupShown());
    }

    private void askToDelete() {
        Group group = shown();
        if (group == null) {
            return;
        }
        confirm.ask(Text.t("Delete the group {0}?", group.name()), Text.t("Its accounts stay in Fob, under All and in"
                + " their other groups. Only the group goes, on every device."), Text.t("Delete group"),
                        () -> Async.run(() -> {
                    session.change(vault -> vault.deleteGroup(group.id(), System.currentTimeMillis()));
                    Toast.show(Text.t("Deleted the group {0}.", group.name()));

                    Dom.byId("new-group").focus();
                }, Toast::show));
    }
}
