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

/**
 * The preview of an import: for each entry, whether it will be added, is already in the vault (same secret and
 * type, or the same account from a Fob export), or cannot be imported and why. Applying it adds the chosen
 * entries in one change: all of them or, if anything fails, none.
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

    private ImportPlan(List<Line> lines) {
        this.lines = Collections.unmodifiableList(lines);
    }

    public static ImportPlan of(Vault vault, List<ImportEntry> entries) {
        List<Line> lines = new ArrayList<>();
        Vault seen = vault;
        for (ImportEntry entry : entries) {
            if (!entry.usable()) {
                lines.add(new Line(entry, Outcome.CANNOT_IMPORT));
                continue;
            }
            Account candidate = toAccount(entry, "preview-" + lines.size(), 0);
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
        return new ImportPlan(lines);
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

    private static Account toAccount(ImportEntry entry, String id, long now) {
        Account original = entry.original();
        if (original != null) {
            return original;
        }
        return new Account(id, AccountKind.STANDARD, entry.account().issuer(), entry.account().name(),
                entry.account().parameters(), entry.note(), now, now);
    }

    /**
     * Adds the chosen lines (by index; only "Add" lines can be chosen) to {@code vault}, in their order, each in the
     * groups its source had it in: a group of that name here, or a new one. Throws, adding nothing, when any of them
     * can no longer be added.
     */
    public Vault apply(Vault vault, List<Integer> chosen, long now) throws VaultException {
        return apply(vault, chosen, now, java.util.Collections.emptyMap());
    }

    /**
     * As {@link #apply(Vault, List, long)}, with the icons the page drew from the lines' source images (by line
     * index); a line without one keeps its account's icon (automatic, or a Fob export's).
     */
    public Vault apply(Vault vault, List<Integer> chosen, long now, java.util.Map<Integer, AccountIcon> icons)
            throws VaultException {
        Vault next = vault;
        for (int index : chosen) {
            Line line = lines.get(index);
            if (line.outcome != Outcome.ADD) {
                throw new VaultException(Text.t("{0} cannot be imported: {1}", line.entry.label(), line.verdict()));
            }
            Account account = toAccount(line.entry, Ids.random(), now);
            if (line.entry.original() != null && next.find(account.id()) != null) {
                account = new Account(Ids.random(), account.kind(), account.issuer(), account.name(), account.otp(),
                        account.note(), account.created(), account.updated());
            }
            List<String> groupIds = new ArrayList<>();
            for (String name : line.entry.groups()) {
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
            next = next.add(icon == null ? grouped : grouped.withIcon(icon, grouped.updated()));
        }
        return next;
    }
}
