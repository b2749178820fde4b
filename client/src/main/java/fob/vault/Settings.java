package fob.vault;

/** The user's choices, kept in the vault so that they travel with it. Immutable. */
public final class Settings {
    public static final Settings DEFAULTS = new Settings(false);

    private final boolean hideCodesWhenHidden;

    public Settings(boolean hideCodesWhenHidden) {
        this.hideCodesWhenHidden = hideCodesWhenHidden;
    }

    /** Blank the codes while the tab is in the background, so a shared screen does not show them. */
    public boolean hideCodesWhenHidden() {
        return hideCodesWhenHidden;
    }

    public Settings withHideCodesWhenHidden(boolean value) {
        return new Settings(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings && ((Settings) o).hideCodesWhenHidden == hideCodesWhenHidden;
    }

    @Override
    public int hashCode() {
        return hideCodesWhenHidden ? 1 : 0;
    }
}
