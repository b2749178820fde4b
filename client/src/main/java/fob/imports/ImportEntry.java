package fob.imports;

import fob.link.OtpAuthLink;

/** One account found in imported data: either usable, or with the reason it cannot be imported. */
public final class ImportEntry {
    private final String label;
    private final OtpAuthLink account;
    private final String problem;

    private ImportEntry(String label, OtpAuthLink account, String problem) {
        this.label = label;
        this.account = account;
        this.problem = problem;
    }

    public static ImportEntry of(OtpAuthLink account) {
        return new ImportEntry(account.displayName(), account, null);
    }

    public static ImportEntry unusable(String label, String problem) {
        return new ImportEntry(label, null, problem);
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
}
