package fob.vault;

import fob.link.OtpAuthLink;
import fob.otp.OtpParameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One account in the vault. Immutable: a change makes a new account, so an edit that fails to save leaves
 * the old one untouched. {@link #otp()} is null for a placeholder restored without its secret.
 */
public final class Account {
    public static final int MAX_TEXT = 200;
    public static final int MAX_NOTE = 2000;

    private final String id;
    private final AccountKind kind;
    private final String issuer;
    private final String name;
    private final OtpParameters otp;
    private final String note;
    private final long created;
    private final long updated;
    private final List<String> groups;
    private final AccountIcon icon;

    public Account(String id, AccountKind kind, String issuer, String name, OtpParameters otp, String note,
            long created, long updated) {
        this(id, kind, issuer, name, otp, note, created, updated, Collections.emptyList());
    }

    /** {@code groups}: the ids of its groups, in any order (kept sorted, each once). */
    public Account(String id, AccountKind kind, String issuer, String name, OtpParameters otp, String note,
            long created, long updated, List<String> groups) {
        this(id, kind, issuer, name, otp, note, created, updated, groups, AccountIcon.AUTOMATIC);
    }

    public Account(String id, AccountKind kind, String issuer, String name, OtpParameters otp, String note,
            long created, long updated, List<String> groups, AccountIcon icon) {
        this.icon = Objects.requireNonNull(icon);
        this.id = Objects.requireNonNull(id);
        this.kind = Objects.requireNonNull(kind);
        this.issuer = issuer == null ? "" : issuer;
        this.name = name == null ? "" : name;
        this.otp = otp;
        this.note = note == null ? "" : note;
        this.created = created;
        this.updated = updated;
        this.groups = groups.isEmpty() ? Collections.emptyList()
                : Collections.unmodifiableList(new ArrayList<>(new TreeSet<>(groups)));
    }

    public static Account fromLink(String id, OtpAuthLink link, AccountKind kind, long now) {
        return new Account(id, kind, link.issuer(), link.name(), link.parameters(), "", now, now);
    }

    public String id() {
        return id;
    }

    public AccountKind kind() {
        return kind;
    }

    public String issuer() {
        return issuer;
    }

    public String name() {
        return name;
    }

    public OtpParameters otp() {
        return otp;
    }

    public String note() {
        return note;
    }

    public long created() {
        return created;
    }

    public long updated() {
        return updated;
    }

    /**
     * The ids of the groups it is in, sorted. An id whose group was deleted may stay here until the account is next
     * edited: it names nothing, and every view of the groups ignores it.
     */
    public List<String> groups() {
        return groups;
    }

    public boolean isPlaceholder() {
        return otp == null;
    }

    /** The same account with new details, keeping its id and creation time. */
    public Account edited(AccountKind kind, String issuer, String name, OtpParameters otp, String note, long now) {
        return new Account(id, kind, issuer, name, otp, note, created, now, groups, icon);
    }

    /** The same account in other groups. */
    public Account withGroups(List<String> groupIds, long now) {
        return new Account(id, kind, issuer, name, otp, note, created, now, groupIds, icon);
    }

    /** What it shows beside its name. */
    public AccountIcon icon() {
        return icon;
    }

    public Account withIcon(AccountIcon newIcon, long now) {
        return new Account(id, kind, issuer, name, otp, note, created, now, groups, newIcon);
    }

    /** What a backup keeps of a work or school account: who it is, never its secret. */
    public Account asPlaceholder() {
        return new Account(id, kind, issuer, name, null, note, created, updated, groups, icon);
    }

    public Account withOtp(OtpParameters otp, long now) {
        return new Account(id, kind, issuer, name, otp, note, created, now, groups, icon);
    }

    /** Whether a search query (any case, any part of the issuer, name or note) finds this account. */
    public boolean matches(String query) {
        String q = query.trim().toLowerCase();
        return q.isEmpty() || issuer.toLowerCase().contains(q) || name.toLowerCase().contains(q)
                || note.toLowerCase().contains(q);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Account)) {
            return false;
        }
        Account a = (Account) o;
        return id.equals(a.id) && kind == a.kind && issuer.equals(a.issuer) && name.equals(a.name)
                && Objects.equals(otp, a.otp) && note.equals(a.note) && created == a.created && updated == a.updated
                && groups.equals(a.groups) && icon.equals(a.icon);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Account[" + id + " " + issuer + ":" + name + " " + otp + "]";
    }
}
