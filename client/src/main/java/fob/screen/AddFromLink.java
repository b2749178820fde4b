package fob.screen;

import fob.imports.ImportEntry;
import fob.imports.ImportException;
import fob.imports.ImportPlan;
import fob.imports.LinkReader;
import fob.link.OtpAuthLink;
import fob.text.Text;
import fob.vault.Account;
import fob.vault.AccountEdits;
import fob.vault.AccountIcon;
import fob.vault.AccountKind;
import fob.vault.Vault;
import fob.vault.VaultException;
import java.util.ArrayList;
import java.util.List;

/**
 * "Add account" from an otpauth link, a Google export link or a QR code's text: what the text holds, why it holds
 * no account, and the change that adds what is new.
 */
public final class AddFromLink {
    /** A QR code's text is shown up to this many characters when it holds no account. */
    private static final int SHOWN_CHARS = 60;

    private AddFromLink() {
    }

    /** What adding did: the vault after it, the account to show, and one sentence for the person. */
    public static final class Added {
        private final Vault vault;
        private final String firstId;
        private final String summary;

        Added(Vault vault, String firstId, String summary) {
            this.vault = vault;
            this.firstId = firstId;
            this.summary = summary;
        }

        public Vault vault() {
            return vault;
        }

        /** The first account added: the list scrolls to it. */
        public String firstId() {
            return firstId;
        }

        /** What happened to each entry: added, already in Fob, or why it could not be used. */
        public String summary() {
            return summary;
        }
    }

    /** Why a scanned QR code's text is not an account at all, or null when it may be one. */
    public static String qrProblem(String text) {
        if (text.regionMatches(true, 0, "otpauth", 0, 7)) {
            return null;
        }
        String shown = text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "…" : text;
        return Text.t("This QR code does not hold an account (it reads \u201c{0}\u201d). Scan the code that the"
                + " service shows when you turn on two-factor sign-in.", shown);
    }

    /**
     * The entries of the text; refused when it is blank, is no link, or is one link that cannot be used (several
     * may hold some that cannot: adding accounts for each).
     */
    public static List<ImportEntry> entries(String text) throws ImportException {
        if (text.trim().isEmpty()) {
            throw new ImportException(Text.t("Paste the otpauth:// link that the service gave you"));
        }
        List<ImportEntry> entries = LinkReader.read(text);
        if (entries.size() == 1 && !entries.get(0).usable()) {
            throw new ImportException(entries.get(0).problem());
        }
        return entries;
    }

    /** "Finish setup" takes the code of the placeholder's account alone. */
    public static OtpAuthLink forPlaceholder(List<ImportEntry> entries, Account placeholder) throws ImportException {
        if (entries.size() != 1) {
            throw new ImportException(Text.t("Scan or paste the code of {0} only", Vault.describe(placeholder)));
        }
        return entries.get(0).account();
    }

    /**
     * Adds the usable entries that are not in the vault yet, in the groups and with the icon chosen in the dialog
     * (see {@link AccountEdits#chooseForAdded}); refused, with the summary, when none is new.
     */
    public static Added add(Vault vault, List<ImportEntry> entries, AccountKind kind, List<String> groupIds,
            AccountIcon icon, long now) throws VaultException {
        ImportPlan.Added planned = ImportPlan.of(vault, entries, kind).addAll(vault, now);
        if (planned.accounts().isEmpty()) {
            throw new VaultException(planned.summary());
        }
        List<String> ids = new ArrayList<>();
        for (Account account : planned.accounts()) {
            ids.add(account.id());
        }
        return new Added(AccountEdits.chooseForAdded(planned.vault(), ids, groupIds, icon, now), ids.get(0),
                planned.summary());
    }
}
