package fob.vault;

import fob.text.Text;
import java.util.Arrays;
import java.util.Objects;

/**
 * What an account shows beside its name: automatic (the icon set's icon for its issuer, else a letter), an icon of
 * the set chosen by the person, an image of their own (a small PNG that Fob drew itself, so it carries no script),
 * or always the letter. Immutable.
 */
public final class AccountIcon {
    /** An own image, as Fob stores it, is at most this many bytes (a 64-pixel PNG is a few kilobytes). */
    public static final int MAX_IMAGE_BYTES = 8 * 1024;
    public static final AccountIcon AUTOMATIC = new AccountIcon(Kind.AUTOMATIC, null, null);
    public static final AccountIcon LETTER = new AccountIcon(Kind.LETTER, null, null);

    /** The four kinds. */
    public enum Kind { AUTOMATIC, SET, IMAGE, LETTER }

    private final Kind kind;
    private final String slug;
    private final byte[] png;

    private AccountIcon(Kind kind, String slug, byte[] png) {
        this.kind = kind;
        this.slug = slug;
        this.png = png;
    }

    /** An icon of the set, by its slug ("github"). */
    public static AccountIcon fromSet(String slug) throws VaultException {
        if (!isSlug(slug)) {
            throw new VaultException(Text.t("That is not an icon of Fob's set"));
        }
        return new AccountIcon(Kind.SET, slug, null);
    }

    /** An own image: PNG bytes that Fob drew (see the page's icon re-encoding), at most {@link #MAX_IMAGE_BYTES}. */
    public static AccountIcon image(byte[] png) throws VaultException {
        if (png == null || png.length < 8 || (png[0] & 0xff) != 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new VaultException(Text.t("An icon image must be a PNG"));
        }
        if (png.length > MAX_IMAGE_BYTES) {
            throw new VaultException(Text.t("The icon image is larger than {0} KB", MAX_IMAGE_BYTES / 1024));
        }
        return new AccountIcon(Kind.IMAGE, null, png.clone());
    }

    /** 1 to 64 of a-z and 0-9 (no regular expression: TeaVM would compile one into the page). */
    private static boolean isSlug(String slug) {
        if (slug == null || slug.isEmpty() || slug.length() > 64) {
            return false;
        }
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    public Kind kind() {
        return kind;
    }

    /** The set's slug, for {@link Kind#SET}. */
    public String slug() {
        return slug;
    }

    /** The PNG, for {@link Kind#IMAGE}. */
    public byte[] png() {
        return png == null ? null : png.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AccountIcon)) {
            return false;
        }
        AccountIcon i = (AccountIcon) o;
        return kind == i.kind && Objects.equals(slug, i.slug) && Arrays.equals(png, i.png);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Objects.hashCode(slug) + Arrays.hashCode(png);
    }

    /** For merges' tie-breaks: the same text for the same icon. */
    @Override
    public String toString() {
        return kind + (slug != null ? ":" + slug : "") + (png != null ? ":" + Arrays.hashCode(png) + "/" + png.length : "");
    }
}
