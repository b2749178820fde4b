package fob.vault;

import fob.imports.ImportEntry;
import fob.text.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Adds the usable entries that are not in the vault yet, and accounts for every entry: what was added, what
 * was already there (same secret and type), and what could not be used and why.
 */
public final class Additions {
    private final Vault vault;
    private final List<Account> added;
    private final List<String> alreadyPresent;
    private final List<String> problems;

    private Additions(Vault vault, List<Account> added, List<String> alreadyPresent, List<String> problems) {
        this.vault = vault;
        this.added = Collections.unmodifiableList(added);
        this.alreadyPresent = Collections.unmodifiableList(alreadyPresent);
        this.problems = Collections.unmodifiableList(problems);
    }

    public static Additions plan(Vault vault, List<ImportEntry> entries, AccountKind kind, long now)
            throws VaultException {
        List<Account> added = new ArrayList<>();
        List<String> alreadyPresent = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Vault next = vault;
        for (ImportEntry entry : entries) {
            if (!entry.usable()) {
                problems.add(entry.label() + ": " + entry.problem());
                continue;
            }
            Account account = Account.fromLink(Ids.random(), entry.account(), kind, now);
            if (next.findSameCredential(account) != null) {
                alreadyPresent.add(entry.label());
                continue;
            }
            next = next.add(account);
            added.add(account);
        }
        return new Additions(next, added, alreadyPresent, problems);
    }

    /** The vault with the new accounts at the end. */
    public Vault vault() {
        return vault;
    }

    public List<Account> added() {
        return added;
    }

    public List<String> alreadyPresent() {
        return alreadyPresent;
    }

    public List<String> problems() {
        return problems;
    }

    /** One sentence a person can read: what happened to each entry. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (added.size() == 1) {
            text.append(Text.t("Added {0}.", Vault.describe(added.get(0))));
        } else if (!added.isEmpty()) {
            text.append(Text.t("Added {0} accounts.", added.size()));
        } else {
            text.append(Text.t("Nothing was added."));
        }
        if (!alreadyPresent.isEmpty()) {
            text.append(' ').append(alreadyPresent.size() == 1
                    ? Text.t("Already in Fob: {0}.", alreadyPresent.get(0))
                    : Text.t("Already in Fob ({0}): {1}.", alreadyPresent.size(), String.join(", ", alreadyPresent)));
        }
        if (!problems.isEmpty()) {
            text.append(' ').append(Text.t("Cannot add {0}.", String.join("; ", problems)));
        }

        return text.toString();
    }
}
