package fob.screen;

import fob.text.Text;

/** What the account dialog is for, and so which of its parts it shows. */
public enum AccountDialogMode {
    /** "Add account": from a link, a QR code, or the details typed in. */
    ADDING,
    /** "Edit account": the details only. */
    EDITING,
    /** "Finish setup" of a placeholder: its link or QR code only (its details are kept). */
    FINISHING;

    public String title() {
        switch (this) {
            case ADDING:
                return Text.t("Add account");
            case EDITING:
                return Text.t("Edit account");
            default:
                return Text.t("Finish setup");
        }
    }

    /** Whether it offers a link and a QR code (and starts there); editing starts at the issuer. */
    public boolean takesLinks() {
        return this != EDITING;
    }

    /** Whether it shows the details, the groups, the icon and "Save". */
    public boolean showsDetails() {
        return this != FINISHING;
    }

    /** The heading above the details: typed in by hand when adding, else the account's own. */
    public String detailsTitle() {
        return this == EDITING ? Text.t("Details") : Text.t("Enter manually");
    }
}
