package fob.web.ui;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import com.grack.nanojson.JsonParserException;
import fob.imports.ImportEntries;
import fob.imports.ImportEntry;
import fob.imports.ImportException;
import fob.imports.ImportPlan;
import fob.local.VaultSession;
import fob.text.Text;
import fob.vault.AccountIcon;
import fob.vault.VaultException;
import fob.web.Async;
import fob.web.backup.BackupService;
import fob.web.js.Browser;
import fob.web.js.Files;
import fob.web.js.IconGraphics;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import fob.web.worker.Worker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * "Import": a file, pasted text, or QR codes (Google's "Transfer accounts"), read and decrypted in the worker,
 * previewed entry by entry, and imported only as chosen, all at once.
 */
public final class ImportDialog {
    private final HTMLElement dialog = Dom.byId("import-dialog");
    private final HTMLInputElement fileInput = Dom.byId("import-file");
    private final HTMLElement list = Dom.byId("import-list");
    private final VaultSession session;
    private final Worker worker;
    private final QrScanner scanner;
    /** The chosen file's bytes, until another is chosen. */
    private byte[] fileBytes;
    /** The format of what was read, once read. */
    private String format;
    private ImportPlan plan;
    private final List<HTMLInputElement> boxes = new ArrayList<>();

    /**
     * Why the vault could not be backed up after the import, or null; asked before the import is applied. The
     * vault after it is made only when backup is on: 10,000 imported accounts take a while.
     */
    public interface BackupCheck {
        String warning(BackupService.VaultAfter after);
    }

    private final BackupCheck backupCheck;

    public ImportDialog(VaultSession session, Worker worker, BackupCheck backupCheck) {
        this.session = session;
        this.worker = worker;
        this.backupCheck = backupCheck;
        this.scanner = new QrScanner(dialog, "import-qr", worker, (text, later) -> {
            String current = Dom.value("import-text").trim();
            if (!current.contains(text)) {
                Dom.setValue("import-text", current.isEmpty() ? text : current + "\n" + text);
            }
            forget();
            return null;
        });
        fileInput.addEventListener("change", (EventListener<Event>) event -> readChosenFile());
        Dom.byId("import-text").addEventListener("input", (EventListener<Event>) event -> {
            fileBytes = null;
            fileInput.setValue("");
            forget();
        });
        Dom.onClick(Dom.byId("import-preview"), this::preview);
        Dom.onClick(Dom.byId("import-apply"), this::apply);
        Dom.onClick(Dom.byId("import-cancel"), this::close);
        dialog.addEventListener("close", (EventListener<Event>) event -> scanner.stop());
    }

    public void open() {
        fileBytes = null;
        fileInput.setValue("");
        Dom.setValue("import-text", "");
        forget();
        scanner.reset();
        Browser.showModal(dialog);
    }

    private void close() {
        scanner.stop();
        Browser.closeDialog(dialog);
        forget();
    }

    /** Drops what was read and previewed: the input changed. */
    private void forget() {
        format = null;
        plan = null;
        Dom.setValue("import-password", "");
        Dom.show(Dom.byId("import-password-row"), false);
        Dom.show(list, false);
        Dom.show(Dom.byId("import-apply"), false);
        Messages.show("import-summary", null);
        Messages.show("import-too-large", null);
        Messages.show("import-error", null);
    }

    private void readChosenFile() {
        JSObject chosen = Files.chosen(fileInput);
        forget();
        if (chosen == null) {
            return;
        }
        Dom.setValue("import-text", "");
        Async.run(() -> {
            try {
                fileBytes = Promises.await(Files.bytes(chosen)).copyToJavaArray();
            } catch (JsFailure e) {
                throw new ImportException(Text.t("The file could not be read ({0})", e.getMessage()));
            }
        }, message -> Messages.show("import-error", message));
    }

    private void preview() {
        Messages.show("import-error", null);
        Async.run(() -> {
            busy(true);
            try {
                String text = Dom.value("import-text");
                if (fileBytes == null && text.trim().isEmpty()) {
                    throw new ImportException(Text.t("Choose a file, paste text, or scan a QR code first"));
                }
                boolean asked = !Dom.byId("import-password-row").isHidden();
                long started = System.currentTimeMillis();
                JsonObject answer = parse(worker.readImport(fileBytes, fileBytes == null ? text : null,
                        asked ? Dom.value("import-password") : null));
                if (answer.has("error")) {
                    throw new ImportException(answer.getString("error"));
                }
                format = answer.getString("format", "import");
                if (answer.getBoolean("needsPassword", false)) {
                    Dom.show(Dom.byId("import-password-row"), true);
                    Messages.show("import-summary", asked ? Text.t("Enter the password of this {0} file.", format)
                            : Text.t("This {0} file is encrypted: enter its password, then Preview.", format));
                    Dom.byId("import-password").focus();
                    return;
                }
                plan = ImportPlan.of(session.vault(), ImportEntries.fromJson(answer.getArray("entries")));
                Browser.mark("fob-import-previewed");
                show(started);
            } finally {
                busy(false);
            }
        }, message -> Messages.show("import-error", message));
    }

    private static JsonObject parse(String answer) throws ImportException {
        try {
            return JsonParser.object().from(answer);
        } catch (JsonParserException e) {
            throw new ImportException(Text.t("Fob's worker gave an answer it cannot read ({0})", e.getMessage()));
        }
    }

    private void busy(boolean busy) {
        Dom.show(Dom.byId("import-progress"), busy);
        if (busy) {
            Dom.byId("import-preview").setAttribute("disabled", "");
        } else {
            Dom.byId("import-preview").removeAttribute("disabled");
        }
    }

    private void show(long started) {
        list.clear();
        boxes.clear();
        List<ImportPlan.Line> lines = plan.lines();
        for (int i = 0; i < lines.size(); i++) {
            ImportPlan.Line line = lines.get(i);
            HTMLElement item = Dom.element("li", null);
            HTMLInputElement box = (HTMLInputElement) Dom.element("input", null);
            box.setAttribute("type", "checkbox");
            String boxId = "import-line-" + i;
            box.setAttribute("id", boxId);
            box.setChecked(line.outcome == ImportPlan.Outcome.ADD);
            if (line.outcome != ImportPlan.Outcome.ADD) {
                box.setAttribute("disabled", "");
            }
            boxes.add(box);
            HTMLElement label = Dom.element("label", null);
            label.setAttribute("for", boxId);
            label.appendChild(Dom.text("span", null, line.entry.label()));
            label.appendChild(Dom.text("span", "verdict", " " + line.verdict()));
            item.appendChild(box);
            item.appendChild(label);
            list.appendChild(item);
        }
        int add = plan.count(ImportPlan.Outcome.ADD);
        Messages.show("import-summary", Text.count("{1}: {0} account read in {2} ms.",
                "{1}: {0} accounts read in {2} ms.", lines.size(), format, System.currentTimeMillis() - started)
                + " " + Text.t("{0} to add, {1} already in Fob, {2} that cannot be imported.", add,
                plan.count(ImportPlan.Outcome.ALREADY_PRESENT), plan.count(ImportPlan.Outcome.CANNOT_IMPORT)));
        Dom.show(list, true);
        Dom.show(Dom.byId("import-apply"), add > 0);
        warnWhenTooLargeToBackUp();
    }

    /** Every account the preview would add, imported into the vault as it is: would its backup still fit? */
    private void warnWhenTooLargeToBackUp() {
        Messages.show("import-too-large", null);
        List<Integer> addable = new ArrayList<>();
        for (int i = 0; i < plan.lines().size(); i++) {
            if (plan.lines().get(i).outcome == ImportPlan.Outcome.ADD) {
                addable.add(i);
            }
        }
        if (addable.isEmpty()) {
            return;
        }
        ImportPlan shown = plan;
        Async.run(() -> {
            String warning = backupCheck.warning(() -> shown.apply(session.vault(), addable,
                    System.currentTimeMillis(), new HashMap<>()));
            if (shown == plan) {
                Messages.show("import-too-large", warning);
            }
        }, message -> { });
    }

    /**
     * The source's icon images, drawn anew as Fob's own (only pixels pass); one the browser cannot draw (an SVG, say,
     * which createImageBitmap does not take) leaves its account the automatic icon.
     */
    private static Map<Integer, AccountIcon> drawIcons(ImportPlan plan, List<Integer> chosen) {
        Map<Integer, AccountIcon> icons = new HashMap<>();
        for (int index : chosen) {
            ImportEntry entry = plan.lines().get(index).entry;
            byte[] image = entry.iconImage();
            if (image == null || entry.iconType().contains("svg")) {
                continue;
            }
            try {
                byte[] png = Promises.await(IconGraphics.redraw(IconGraphics.blob(Int8Array.fromJavaArray(image),
                        entry.iconType()), AccountDialog.ICON_SIDE)).copyToJavaArray();
                icons.put(index, AccountIcon.image(png));
            } catch (JsFailure | VaultException e) {
                // Not an image the browser reads, or too large drawn anew: the automatic icon.
            }
        }
        return icons;
    }

    private void apply() {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).isChecked() && !boxes.get(i).hasAttribute("disabled")) {
                chosen.add(i);
            }
        }
        if (chosen.isEmpty()) {
            Messages.show("import-error", Text.t("Choose at least one account to import"));
            return;
        }
        ImportPlan current = plan;
        Async.run(() -> {
            Map<Integer, AccountIcon> icons = drawIcons(current, chosen);
            session.change(vault -> current.apply(vault, chosen, System.currentTimeMillis(), icons));
            close();
            // Back to the accounts, where the imported ones now are.
            Browser.closeDialog(Dom.byId("settings-dialog"));
            Toast.show(Text.count("Imported {0} account.", "Imported {0} accounts.", chosen.size()));

        }, message -> Messages.show("import-error", message));
    }
}
