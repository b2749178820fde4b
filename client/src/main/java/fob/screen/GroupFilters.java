package fob.screen;

import fob.text.Text;
import fob.vault.Group;
import fob.vault.Vault;
import java.util.ArrayList;
import java.util.List;

/** The group filters above the list: "All", then each group by name, the one shown pressed. */
public final class GroupFilters {
    private GroupFilters() {
    }

    /** One toggle button. */
    public static final class Filter {
        public final String label;
        /** The group's id; null for "All". */
        public final String groupId;
        public final boolean pressed;

        Filter(String label, String groupId, boolean pressed) {
            this.label = label;
            this.groupId = groupId;
            this.pressed = pressed;
        }
    }

    /** Whether the bar shows: once there is an account or a group (an empty vault shows how to add one instead). */
    public static boolean shown(Vault vault) {
        return !vault.isEmpty() || !vault.groups().isEmpty();
    }

    /** {@code shownGroupId}: the group the list shows, or null for all. */
    public static List<Filter> of(Vault vault, String shownGroupId) {
        List<Filter> filters = new ArrayList<>();
        filters.add(new Filter(Text.t("All"), null, shownGroupId == null));
        for (Group group : vault.groups()) {
            filters.add(new Filter(group.name(), group.id(), group.id().equals(shownGroupId)));
        }
        return filters;
    }

    /** The group that "Rename group" and "Delete group" act on: the one shown, while it is still there; else null. */
    public static Group acted(Vault vault, String shownGroupId) {
        return shownGroupId == null ? null : vault.group(shownGroupId);
    }
}
