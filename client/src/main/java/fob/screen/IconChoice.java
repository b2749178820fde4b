package fob.screen;

import fob.text.Text;
import fob.vault.AccountIcon;

/** What the account dialog says of the icon chosen. */
public final class IconChoice {
    private IconChoice() {
    }

    /** {@code title}: the set icon's name as the icon list shows it, or "" (then its slug is shown). */
    public static String describe(AccountIcon icon, String title) {
        switch (icon.kind()) {
            case SET:
                return Text.t("From Fob's icons: {0}.", title.isEmpty() ? icon.slug() : title);
            case IMAGE:
                return Text.t("Your own image.");
            case LETTER:
                return Text.t("The first letter of the issuer.");
            default:
                return Text.t("Automatic: the issuer's icon when Fob has one, else its first letter.");
        }
    }
}
