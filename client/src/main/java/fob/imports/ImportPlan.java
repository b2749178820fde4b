package fob.imports;

import fob.text.Text;
import fob.vault.Account;
import fob.vault.AccountIcon;
import fob.vault.AccountKind;
import fob.vault.Group;
import fob.vault.Ids;
import fob.vault.Vault;
import fob.vault.VaultException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What an import does with each entry: add it, leave it because it is already in the vault, or refuse it and say
 * why. The import dialog shows it as a preview and applies the lines a person chose; the paste box adds every line
 * it can at once ({@link #addAll}). Applying adds in one change: all of the chosen lines or, if anything fails,
 * none.
 *
 * <p>One rule for "already in Fob", for both: an entry is already there when an account has the same secret and
 * type (a placeholder never counts), or when it is an account of a Fob export whose id the vault holds, even if
 * its secret was changed since; and an entry repeated in the same import is already there once the first one is.
 * The id check only matters for Fob's own exports, which a paste never holds; without it, importing an export
 * back after a secret was edited would duplicate the account.
 */
public final class ImportPlan {
    /** What happens to one entry. */
    public enum Outcome { ADD, ALREADY_PRESENT, CANNOT_IMPORT }

    /** One line of the preview. */
    public static final class Line {
        public final ImportEntry entry;
        public final Outcome outcome;

        Line(ImportEntry entry, Outcome outcome) {
            this.entry = entry;
            this.outcome = outcome;
        }

        /** What the preview says: "Add", "Already in Fob" or "Cannot import: <reason>". */
        public String verdict() {
            switch (outcome) {
                case ADD:
                    return Text.t("Add");
                case ALREADY_PRESENT:
                    return Text.t("Already in Fob");
                default:
                    return Text.t("Cannot import: {0}", entry.problem());
            }
        }
    }

    private final List<Line> lines;
    private final AccountKind kind;

    private ImportPlan(List<Line> lines, AccountKind kind) {
        this.lines = Collections.unmodifiableList(lines);
        this.kind = kind;
    }

    /** The plan of an import file: its accounts are {@link AccountKind#STANDARD} (a Fob export's keep their own). */
    public static ImportPlan of(Vault vault, List<ImportEntry> entries) {
        return of(vault, entries, AccountKind.STANDARD);
    }

    /**
     * The plan of adding {@code entries} to {@code vault} as accounts of {@code kind} (a Fob export's keep their
     * own). An entry the vault would refuse (it is full) cannot be imported, with the vault's reason.
     */
    public static ImportPlan of(Vault vault, List<ImportEntry> entries, AccountKind kind) {
        List<Line> lines = new ArrayList<>();
        Vault seen = vault;
        for (ImportEntry entry : entries) {
            if (!entry.usable()) {
                lines.add(new Line(entry, Outcome.CANNOT_IMPORT));
                continue;
            }
            Account candidate = toAccount(entry, kind, "preview-" + lines.size(), 0);
            if (seen.findSameCredential(candidate) != null
                    || (entry.original() != null && seen.find(entry.original().id()) != null)) {
                lines.add(new Line(entry, Outcome.ALREADY_PRESENT));
                continue;
            }
            lines.add(new Line(entry, Outcome.ADD));
            try {
                // A file may hold the same account twice: the second is "already" there once the first is.
                seen = seen.add(candidate);
            } catch (VaultException e) {
                lines.set(lines.size() - 1, new Line(ImportEntry.unusable(entry.label(), e.getMessage()),
                        Outcome.CANNOT_IMPORT));
            }
        }
        return new ImportPlan(lines, kind);
    }

    public List<Line> lines() {
        return lines;
    }

    public int count(Outcome outcome) {
        int count = 0;
        for (Line line : lines) {
            if (line.outcome == outcome) {
                count++;
            }
        }
        return count;
    }

    private static Account toAccount(ImportEntry entry, AccountKind kind, String id, long now) {
        Account original = entry.original();
        if (original != null) {
            return original;
        }
        return new Account(id, kind, entry.account().issuer(), entry.account().name(), entry.account().parameters(),
                entry.note(), now, now);
    }

    /**
     * Adds the chosen lines (by index; only "Add" lines can be chosen) to {@code vault}, in their order, each in the
     * groups its source had it in: a group of that name here, or a new one. Throws, adding nothing, when any of them
     * can no longer be added.
     */
    public Vault apply(Vault vault, List<Integer> chosen, long now) throws VaultException {
        return apply(vault, chosen, now, Collections.emptyMap());
    }

    /**
     * As {@link #apply(Vault, List, long)}, with the icons the page drew from the lines' source images (by line
     * index); a line without one keeps its account's icon (automatic, or a Fob export's).
     */
    public Vault apply(Vault vault, List<Integer> chosen, long now, Map<Integer, AccountIcon> icons)
            throws VaultException {
        return add(vault, chosen, now, icons, true).vault;
    }

    /**
     * The paste box's "Add": every "Add" line, added to {@code vault} (the one planned on) in one change, without
     * the groups its source named (the box chooses the groups itself, and would otherwise leave the source's
     * behind, empty).
     */
    public Added addAll(Vault vault, long now) throws VaultException {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).outcome == Outcome.ADD) {
                all.add(i);
            }
        }
        return add(vault, all, now, Collections.emptyMap(), false);
    }

    private Added add(Vault vault, List<Integer> chosen, long now, Map<Integer, AccountIcon> icons,
            boolean inSourceGroups) throws VaultException {
        Vault next = vault;
        List<Account> added = new ArrayList<>();
        for (int index : chosen) {
            Line line = lines.get(index);
            if (line.outcome != Outcome.ADD) {
                throw new VaultException(Text.t("{0} cannot be imported: {1}", line.entry.label(), line.verdict()));
            }
            Account account = toAccount(line.entry, kind, Ids.random(), now);
            if (line.entry.original() != null && next.find(account.id()) != null) {
                account = new Account(Ids.random(), account.kind(), account.issuer(), account.name(), account.otp(),
                        account.note(), account.created(), account.updated());
            }
            List<String> groupIds = new ArrayList<>();
            for (String name : inSourceGroups ? line.entry.groups() : Collections.<String>emptyList()) {
                Group group = next.groupNamed(name);
                if (group == null) {
                    String id = Ids.random();
                    next = next.addGroup(id, name, now);
                    group = next.group(id);
                }
                groupIds.add(group.id());
            }
            // By name, not by the source's ids: a Fob export's ids name groups of the vault it came from.
            Account grouped = account.withGroups(groupIds, account.updated());
            AccountIcon icon = icons.containsKey(index) ? icons.get(index)
                    : line.entry.letterIcon() ? AccountIcon.LETTER : null;
            Account made = icon == null ? grouped : grouped.withIcon(icon, grouped.updated());
            next = next.add(made);
            added.add(made);
        }
        return new Added(next, added);
    }

    /** What {@link #addAll} did: the vault after it, the accounts it added (in order), and a sentence saying so. */
    public final class Added {
        private final Vault vault;
        private final List<Account> accounts;

        private Added(Vault vault, List<Account> accounts) {
            this.vault = vault;
            this.accounts = Collections.unmodifiableList(accounts);
        }

        /** The vault with the new accounts at the end. */
        public Vault vault() {
            return vault;
        }

        public List<Account> accounts() {
            return accounts;
        }

        /** One sentence a person can read: what happened to each entry. */
        public String summary() {
            StringBuilder text = new StringBuilder();
            if (accounts.size() == 1) {
                text.append(Text.t("Added {0}.", Vault.describe(accounts.get(0))));
            } else if (!accounts.isEmpty()) {
                text.append(Text.t("Added {0} accounts.", accounts.size()));
            } else {
                text.append(Text.t("Nothing was added."));
            }
            List<String> alreadyPresent = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Line line : lines) {
                if (line.outcome == Outcome.ALREADY_PRESENT) {
                    alreadyPresent.add(line.entry.label());
                } else if (line.outcome == Outcome.CANNOT_IMPORT) {
                    problems.add(line.entry.label() + ": " + line.entry.problem());
                }
            }
            if (!alreadyPresent.isEmpty()) {
                text.append(' ').append(alreadyPresent.size() == 1
                        ? Text.t("Already in Fob: {0}.", alreadyPresent.get(0))
                        : Text.t("Already in Fob ({0}): {1}.", alreadyPresent.size(),
                                String.join(", ", alreadyPresent)));
            }
            if (!problems.isEmpty()) {
                text.append(' ').append(Text.t("Cannot add {0}.", String.join("; ", problems)));
            }
            return text.toString();
        }
    }
}
