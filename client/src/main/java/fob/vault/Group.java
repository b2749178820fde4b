package fob.vault;

import fob.text.Text;
import java.util.Objects;

/**
 * A group of accounts, named by the person ("Work", "Family"). Accounts name their groups by id, so that a rename
 * changes one record and not every account in the group. Immutable.
 */
public final class Group {
    public static final int MAX_NAME = 50;

    private final String id;
    private final String name;
    private final long created;
    private final long updated;

    public Group(String id, String name, long created, long updated) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.created = created;
        this.updated = updated;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long created() {
        return created;
    }

    /** When it was made or last renamed: of two versions from two devices, the later wins. */
    public long updated() {
        return updated;
    }

    public Group renamed(String newName, long now) {
        return new Group(id, newName, created, now);
    }

    /** A name as a person would type it again, whatever the case: two groups may not share one. */
    static String key(String name) {
        return name.trim().toLowerCase();
    }

    /** The reason a name cannot name a group, or null when it can. */
    static String problemWith(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            return Text.t("Enter a name for the group");
        }
        if (trimmed.length() > MAX_NAME) {
            return Text.t("A group's name has at most {0} characters", MAX_NAME);
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Group)) {
            return false;
        }
        Group g = (Group) o;
        return id.equals(g.id) && name.equals(g.name) && created == g.created && updated == g.updated;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Group[" + id + " " + name + "]";
    }
}
