package fob.vault;

import fob.link.OtpAuthLink;
import fob.otp.InvalidOtpException;
import fob.otp.OtpParameters;
import fob.text.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The changes a person makes to one account, as pure functions of the vault: "Save" of a new or an edited account,
 * "Finish setup" of a placeholder, "Next code" of an HOTP account, and a code copied. Each gives the vault after it
 * (and the id of the account it added or changed), or throws a {@link VaultException} that says why it cannot be
 * made. The page runs them in its vault session, which runs one again on a newer vault when another tab saved in
 * between: so each reads all it needs from the vault it is given, and the groups chosen in a form count only while
 * they still exist.
 */
public final class AccountEdits {
    private AccountEdits() {
    }

    /** What the account form says of an account: who it is, its code's parameters, its groups and its icon. */
    public static final class Details {
        final AccountKind kind;
        final String issuer;
        final String name;
        final OtpParameters otp;
        final String note;
        final List<String> groupIds;
        final AccountIcon icon;

        /** {@code issuer} and {@code name} are kept trimmed; {@code groupIds} are the groups chosen. */
        public Details(AccountKind kind, String issuer, String name, OtpParameters otp, String note,
                List<String> groupIds, AccountIcon icon) {
            this.kind = Objects.requireNonNull(kind);
            this.issuer = issuer.trim();
            this.name = name.trim();
            this.otp = Objects.requireNonNull(otp);
            this.note = note;
            this.groupIds = Collections.unmodifiableList(new ArrayList<>(groupIds));
            this.icon = Objects.requireNonNull(icon);
        }

        /** The details of a form whose {@link AccountForm#check()} passed. */
        public static Details of(AccountForm form, AccountForm.Result checked, List<String> groupIds,
                AccountIcon icon) {
            if (!checked.ok()) {
                throw new IllegalArgumentException("The form has problems: " + checked.problems().keySet());
            }
            return new Details(form.workOrSchool ? AccountKind.WORK_OR_SCHOOL : AccountKind.STANDARD, form.issuer,
                    form.name, checked.otp(), form.note, groupIds, icon);
        }
    }

    /** A change made: the vault after it, and the account it added or changed. */
    public static final class Edit {
        private final Vault vault;
        private final String accountId;

        Edit(Vault vault, String accountId) {
            this.vault = vault;
            this.accountId = accountId;
        }

        public Vault vault() {
            return vault;
        }

        public String accountId() {
            return accountId;
        }

        /** The account as the change left it. */
        public Account account() {
            return vault.find(accountId);
        }
    }

    /** "Save" of a new account: at the end of the list, under a new random id. */
    public static Edit add(Vault vault, Details details, long now) throws VaultException {
        String id = Ids.random();
        Account account = new Account(id, details.kind, details.issuer, details.name, details.otp, details.note, now,
                now, stillThere(vault, details.groupIds), details.icon);
        return new Edit(vault.add(account), id);
    }

    /** "Save" of an edited account; refused when it was deleted meanwhile (here, in another tab, on another device). */
    public static Edit edit(Vault vault, String id, Details details, long now) throws VaultException {
        Account current = vault.find(id);
        if (current == null) {
            throw new VaultException(Text.t("This account was deleted in the meantime"));
        }
        // Saving also drops the ids of deleted groups, which named nothing.
        Account changed = current.edited(details.kind, details.issuer, details.name, details.otp, details.note, now)
                .withGroups(stillThere(vault, details.groupIds), now).withIcon(details.icon, now);
        return new Edit(vault.replace(changed), id);
    }

    /**
     * Accounts just added from a link or a QR code, put in the groups chosen in the dialog (those still there) and,
     * when the link held one account, given the icon chosen there (several accounts keep theirs: one icon would fit
     * only one issuer).
     */
    public static Vault chooseForAdded(Vault vault, List<String> addedIds, List<String> groupIds, AccountIcon icon,
            long now) throws VaultException {
        List<String> groups = stillThere(vault, groupIds);
        Vault next = vault;
        for (String id : addedIds) {
            next = next.setGroups(id, groups, now);
            if (icon.kind() != AccountIcon.Kind.AUTOMATIC && addedIds.size() == 1) {
                next = next.replace(next.find(id).withIcon(icon, now));
            }
        }
        return next;
    }

    /**
     * "Finish setup": a placeholder (a work or school account restored without its secret) works again with the
     * parameters of a link that names the same issuer and account name (in any case); its own names stay.
     */
    public static Edit finishSetup(Vault vault, String placeholderId, OtpAuthLink link, long now)
            throws VaultException {
        Account placeholder = vault.find(placeholderId);
        if (placeholder == null || !placeholder.isPlaceholder()) {
            throw new VaultException(Text.t("That account needs no setup"));
        }
        if (!placeholder.issuer().trim().equalsIgnoreCase(link.issuer().trim())
                || !placeholder.name().trim().equalsIgnoreCase(link.name().trim())) {
            throw new VaultException(Text.t("This code is for {0}, not for {1}",
                    OtpAuthLink.displayName(link.issuer(), link.name()), Vault.describe(placeholder)));
        }
        return new Edit(vault.replace(placeholder.withOtp(link.parameters(), now)), placeholderId);
    }

    /**
     * "Next code" of an HOTP account: its counter one step on. An account that has no counter (any more: it may have
     * been edited meanwhile) is left as it is.
     */
    public static Edit nextCode(Vault vault, String id, long now) throws VaultException {
        Account current = vault.find(id);
        if (current == null) {
            throw new VaultException(Text.t("That account is no longer in Fob"));
        }
        if (current.isPlaceholder() || current.otp().type().isTimeBased()) {
            return new Edit(vault, id);
        }
        try {
            return new Edit(vault.replace(current.withOtp(current.otp().nextCounter(), now)), id);
        } catch (InvalidOtpException e) {
            throw new VaultException(e.getMessage());
        }
    }

    /**
     * A code of the account was copied now (for "Recently used", kept on this device only: see {@link Vault#usedAt}).
     * An account deleted meanwhile leaves the vault as it is: the code was copied all the same.
     */
    public static Vault copied(Vault vault, String id, long now) throws VaultException {
        return vault.find(id) == null ? vault : vault.used(id, now);
    }

    /** The groups that still exist: another tab or device may have deleted one while the dialog was open. */
    private static List<String> stillThere(Vault vault, List<String> groupIds) {
        List<String> kept = new ArrayList<>();
        for (String id : groupIds) {
            if (vault.group(id) != null) {
                kept.add(id);
            }
        }
        return kept;
    }
}
