package fob.vault;

import java.util.Objects;

/**
 * The person's choices that belong to the vault: kept in it, so that they travel with it (backups, exports) to every
 * device. What one browser alone keeps is {@link fob.device.DevicePreferences}. Immutable.
 */
public final class Settings {
    public static final Settings DEFAULTS = new Settings(false, SortOrder.MANUAL);

    private final boolean hideCodesWhenHidden;
    private final SortOrder sortBy;

    public Settings(boolean hideCodesWhenHidden) {
        this(hideCodesWhenHidden, SortOrder.MANUAL);
    }

    public Settings(boolean hideCodesWhenHidden, SortOrder sortBy) {
        this.hideCodesWhenHidden = hideCodesWhenHidden;
        this.sortBy = Objects.requireNonNull(sortBy);
    }

    /** Blank the codes while the tab is in the background, so a shared screen does not show them. */
    public boolean hideCodesWhenHidden() {
        return hideCodesWhenHidden;
    }

    public Settings withHideCodesWhenHidden(boolean value) {
        return new Settings(value, sortBy);
    }

    /** "Sort by" in Settings. */
    public SortOrder sortBy() {
        return sortBy;
    }

    public Settings withSortBy(SortOrder order) {
        return new Settings(hideCodesWhenHidden, order);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings && ((Settings) o).hideCodesWhenHidden == hideCodesWhenHidden
                && ((Settings) o).sortBy == sortBy;
    }

    @Override
    public int hashCode() {
        return (hideCodesWhenHidden ? 1 : 0) + 2 * sortBy.ordinal();
    }
}
