package fob.imports;

import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One account found in imported data: either usable, or with the reason it cannot be imported. From Fob's own
 * exports it carries the whole account (id, kind, note, times), so that a round trip changes nothing.
 */
public final class ImportEntry {
    private final String label;
    private final OtpAuthLink account;
    private final String problem;
    private final String note;
    private final Account original;
    private final List<String> groups;
    private final byte[] iconImage;
    private final String iconType;
    private final boolean letterIcon;

    private ImportEntry(String label, OtpAuthLink account, String problem, String note, Account original,
            List<String> groups, byte[] iconImage, String iconType, boolean letterIcon) {
        this.letterIcon = letterIcon;
        this.label = label;
        this.account = account;
        this.problem = problem;
        this.note = note == null ? "" : note;
        this.original = original;
        this.groups = groups;
        this.iconImage = iconImage;
        this.iconType = iconType;
    }

    private ImportEntry(String label, OtpAuthLink account, String problem, String note, Account original) {
        this(label, account, problem, note, original, Collections.emptyList(), null, null, false);
    }

    /** An image the source app kept as the account's icon, as it was (larger ones are left out). */
    public static final int MAX_ICON_IMAGE_BYTES = 256 * 1024;

    /**
     * The same entry with the source's icon image ({@code type} as the source names it: "image/png"); the page draws
     * it anew before it becomes the account's icon. An image over {@link #MAX_ICON_IMAGE_BYTES} is left out.
     */
    public ImportEntry withIconImage(byte[] image, String type) {
        if (image == null || image.length == 0 || image.length > MAX_ICON_IMAGE_BYTES) {
            return this;
        }
        return new ImportEntry(label, account, problem, note, original, groups, image.clone(),
                type == null ? "" : type, letterIcon);
    }

    /** The source's icon image, or null. */
    public byte[] iconImage() {
        return iconImage == null ? null : iconImage.clone();
    }

    public String iconType() {
        return iconType;
    }

    /** The same entry shown by a letter, as the source app showed it (2FAS's text labels). */
    public ImportEntry withLetterIcon() {
        return new ImportEntry(label, account, problem, note, original, groups, iconImage, iconType, true);
    }

    /** Whether the source showed the account by a letter or two rather than a logo. */
    public boolean letterIcon() {
        return letterIcon;
    }

    public static ImportEntry of(OtpAuthLink account) {
        return new ImportEntry(account.displayName(), account, null, "", null);
    }

    public static ImportEntry of(OtpAuthLink account, String note) {
        return new ImportEntry(account.displayName(), account, null, note, null);
    }

    /** A whole Fob account, from Fob's own export. */
    public static ImportEntry of(Account original) {
        OtpAuthLink link = new OtpAuthLink(original.issuer(), original.name(), original.otp());
        return new ImportEntry(link.displayName(), link, null, original.note(), original);
    }

    public static ImportEntry unusable(String label, String problem) {
        return new ImportEntry(label, null, problem, "", null);
    }

    /** How a person recognises the entry: issuer and name. */
    public String label() {
        return label;
    }

    /** The account, or null when {@link #problem()} says why there is none. */
    public OtpAuthLink account() {
        return account;
    }

    public String problem() {
        return problem;
    }

    public boolean usable() {
        return account != null;
    }

    public String note() {
        return note;
    }

    /** The account as Fob had it (from a Fob export), or null. */
    public Account original() {
        return original;
    }

    /** The names of the groups (folders, tags) the source app had it in, each once, in the source's order. */
    public List<String> groups() {
        return groups;
    }

    /** The same entry in these groups (by name; blank names and repeats are dropped). */
    public ImportEntry inGroups(List<String> names) {
        List<String> kept = new ArrayList<>();
        for (String name : names) {
            String trimmed = name == null ? "" : name.trim();
            if (trimmed.length() > fob.vault.Group.MAX_NAME) {
                trimmed = trimmed.substring(0, fob.vault.Group.MAX_NAME).trim();
            }
            boolean repeated = false;
            for (String seen : kept) {
                repeated |= seen.equalsIgnoreCase(trimmed);
            }
            if (!trimmed.isEmpty() && !repeated) {
                kept.add(trimmed);
            }
        }
        return new ImportEntry(label, account, problem, note, original, Collections.unmodifiableList(kept), iconImage,
                iconType, letterIcon);
    }

    public AccountKind kind() {
        return original == null ? AccountKind.STANDARD : original.kind();
    }
}
