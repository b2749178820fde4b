package fob.icons;

import fob.vault.Account;
import fob.vault.AccountIcon;

/**
 * How an account's icon looks before (or without) an icon: its letter on a colour derived from the issuer, and which
 * icon of the set to look for, if any.
 */
public final class IconLook {
    /** Dark enough that white text on them has a contrast of at least 4.5:1 (WCAG AA). */
    private static final String[] COLOURS = {"#1f5aa6", "#7a2f8e", "#a4262c", "#0e6b50", "#855000", "#3b3f99",
        "#9c2263", "#466619", "#00677f", "#5c4b00"};

    private IconLook() {
    }

    /** The first letter or digit of the issuer, else of the name, upper case; "?" when neither has one. */
    public static String letter(Account account) {
        for (String text : new String[] {account.issuer(), account.name()}) {
            for (int i = 0; i < text.length(); i++) {
                int c = text.codePointAt(i);
                if (Character.isLetterOrDigit(c)) {
                    return new String(Character.toChars(c)).toUpperCase();
                }
            }
        }
        return "?";
    }

    /** The badge's colour: the same for every account of one issuer, whatever its case. */
    public static String colour(Account account) {
        String key = (account.issuer().isEmpty() ? account.name() : account.issuer()).trim().toLowerCase();
        return COLOURS[IconShard.of(key) % COLOURS.length];
    }

    /** The slug to look for in the set, or null when the account shows its letter or its own image. */
    public static String slugToFind(Account account) {
        AccountIcon icon = account.icon();
        switch (icon.kind()) {
            case SET:
                return icon.slug();
            case AUTOMATIC:
                String slug = IconSlug.of(account.issuer());
                return slug.isEmpty() ? null : slug;
            default:
                return null;
        }
    }

    /**
     * Whether a brand colour ("181717") is too light for white on it: then the icon is drawn in black. By relative
     * luminance, as WCAG computes it.
     */
    public static boolean needsDarkInk(String hex) {
        int rgb = Integer.parseInt(hex, 16);
        double l = 0.2126 * linear((rgb >> 16) & 255) + 0.7152 * linear((rgb >> 8) & 255) + 0.0722 * linear(rgb & 255);
        // White on the colour reaches 4.5:1 below about 0.18; black on it reaches 4.5:1 above about 0.18 too.
        return l > 0.179;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
