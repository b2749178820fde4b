package fob.screen;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import com.grack.nanojson.JsonParserException;
import fob.imports.ImportEntries;
import fob.imports.ImportEntry;
import fob.imports.ImportException;
import fob.imports.ImportPlan;
import fob.text.Text;
import fob.vault.Vault;
import java.util.ArrayList;
import java.util.List;

/**
 * "Import": what the worker's reading of a file or text means (an error, a password to ask for, or the entries
 * previewed against the vault), what the preview says, and which lines can be imported.
 */
public final class ImportPreview {
    private final String format;
    private final ImportPlan plan;

    private ImportPreview(String format, ImportPlan plan) {
        this.format = format;
        this.plan = plan;
    }

    /** What is imported, given the file's bytes (or null) and the text typed, pasted or scanned. */
    public static void requireInput(byte[] fileBytes, String text) throws ImportException {
        if (fileBytes == null && text.trim().isEmpty()) {
            throw new ImportException(Text.t("Choose a file, paste text, or scan a QR code first"));
        }
    }

    /**
     * The preview of the worker's answer (see {@link fob.worker.WorkerTasks#readImport}) against {@code vault}, or
     * of an encrypted source whose password is still to be given ({@link #needsPassword}). Throws the answer's error.
     */
    public static ImportPreview of(String workerAnswer, Vault vault) throws ImportException {
        JsonObject answer;
        try {
            answer = JsonParser.object().from(workerAnswer);
        } catch (JsonParserException e) {
            throw new ImportException(Text.t("Fob's worker gave an answer it cannot read ({0})", e.getMessage()));
        }
        if (answer.has("error")) {
            throw new ImportException(answer.getString("error"));
        }
        String format = answer.getString("format", "import");
        if (answer.getBoolean("needsPassword", false)) {
            return new ImportPreview(format, null);
        }
        return new ImportPreview(format, ImportPlan.of(vault, ImportEntries.fromJson(answer.getArray("entries"))));
    }

    /** Whether the source is encrypted and its password is still to be given: then there is no plan yet. */
    public boolean needsPassword() {
        return plan == null;
    }

    /** What the dialog says then: the first time, how to go on; after a password was given, that it is needed. */
    public String passwordPrompt(boolean passwordGiven) {
        return passwordGiven ? Text.t("Enter the password of this {0} file.", format)
                : Text.t("This {0} file is encrypted: enter its password, then Preview.", format);
    }

    /** The plan: each line's outcome, and the change that imports the lines chosen. */
    public ImportPlan plan() {
        return plan;
    }

    /** The source's format, as the dialog names it ("Aegis", "2FAS", ...). */
    public String format() {
        return format;
    }

    /** Whether the line can be chosen (and is, at first): only an account that is new. */
    public boolean canImport(int line) {
        return plan.lines().get(line).outcome == ImportPlan.Outcome.ADD;
    }

    /** The lines that can be imported, by index. */
    public List<Integer> importable() {
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < plan.lines().size(); i++) {
            if (canImport(i)) {
                lines.add(i);
            }
        }
        return lines;
    }

    /** The lines to import: those chosen that can be; refused when none is. */
    public List<Integer> chosen(List<Integer> checked) throws ImportException {
        List<Integer> lines = new ArrayList<>();
        for (int line : checked) {
            if (canImport(line)) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new ImportException(Text.t("Choose at least one account to import"));
        }
        return lines;
    }

    /** What the preview says above its lines, {@code millis} after the reading started. */
    public String summary(long millis) {
        return Text.count("{1}: {0} account read in {2} ms.", "{1}: {0} accounts read in {2} ms.",
                plan.lines().size(), format, millis) + " " + Text.t("{0} to add, {1} already in Fob, {2} that cannot"
                + " be imported.", plan.count(ImportPlan.Outcome.ADD), plan.count(ImportPlan.Outcome.ALREADY_PRESENT),
                plan.count(ImportPlan.Outcome.CANNOT_IMPORT));
    }

    /** What "Import" says once done. */
    public static String imported(int count) {
        return Text.count("Imported {0} account.", "Imported {0} accounts.", count);
    }

    /**
     * Whether the page draws the entry's source image anew as its icon: it has one, and not an SVG, which the
     * browser's createImageBitmap does not take (that account keeps the automatic icon).
     */
    public static boolean drawsIcon(ImportEntry entry) {
        return entry.iconImage() != null && !entry.iconType().contains("svg");
    }

    /** The import field's text once a QR code was scanned: its text on a line of its own, once. */
    public static String withScanned(String current, String scanned) {
        String text = current.trim();
        if (text.contains(scanned)) {
            return text;
        }
        return text.isEmpty() ? scanned : text + "\n" + scanned;
    }
}
