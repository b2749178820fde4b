package fob.web.ui;

import fob.imports.ImportEntry;
import fob.imports.ImportException;
import fob.imports.ImportPlan;
import fob.local.VaultSession;
import fob.screen.ImportPreview;
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
    /** What was read, once read and previewed. */
    private ImportPreview preview;
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
            Dom.setValue("import-text", ImportPreview.withScanned(Dom.value("import-text"), text));
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
        preview = null;
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
                ImportPreview.requireInput(fileBytes, text);
                boolean asked = !Dom.byId("import-password-row").isHidden();
                long started = System.currentTimeMillis();
                ImportPreview read = ImportPreview.of(worker.readImport(fileBytes, fileBytes == null ? text : null,
                        asked ? Dom.value("import-password") : null), session.vault());
                if (read.needsPassword()) {
                    Dom.show(Dom.byId("import-password-row"), true);
                    Messages.show("import-summary", read.passwordPrompt(asked));
                    Dom.byId("import-password").focus();
                    return;
                }
                preview = read;
                Browser.mark("fob-import-previewed");
                show(started);
            } finally {
                busy(false);
            }
        }, message -> Messages.show("import-error", message));
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
        List<ImportPlan.Line> lines = preview.plan().lines();
        for (int i = 0; i < lines.size(); i++) {
            ImportPlan.Line line = lines.get(i);
            HTMLElement item = Dom.element("li", null);
            HTMLInputElement box = (HTMLInputElement) Dom.element("input", null);
            box.setAttribute("type", "checkbox");
            String boxId = "import-line-" + i;
            box.setAttribute("id", boxId);
            box.setChecked(preview.canImport(i));
            if (!preview.canImport(i)) {
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
        Messages.show("import-summary", preview.summary(System.currentTimeMillis() - started));
        Dom.show(list, true);
        Dom.show(Dom.byId("import-apply"), !preview.importable().isEmpty());
        warnWhenTooLargeToBackUp();
    }

    /** Every account the preview would add, imported into the vault as it is: would its backup still fit? */
    private void warnWhenTooLargeToBackUp() {
        Messages.show("import-too-large", null);
        List<Integer> addable = preview.importable();
        if (addable.isEmpty()) {
            return;
        }
        ImportPreview shown = preview;
        Async.run(() -> {
            String warning = backupCheck.warning(() -> shown.plan().apply(session.vault(), addable,
                    System.currentTimeMillis(), new HashMap<>()));
            if (shown == preview) {
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
            if (!ImportPreview.drawsIcon(entry)) {
                continue;
            }
            try {
                byte[] png = Promises.await(IconGraphics.redraw(IconGraphics.blob(Int8Array.fromJavaArray(
                        entry.iconImage()),
                        entry.iconType()), AccountDialog.ICON_SIDE)).copyToJavaArray();
                icons.put(index, AccountIcon.image(png));
            } catch (JsFailure | VaultException e) {
                // Not an image the browser reads, or too large drawn anew: the automatic icon.
            }
        }
        return icons;
    }

    private void apply() {
        List<Integer> checked = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).isChecked()) {
                checked.add(i);
            }
        }
        List<Integer> chosen;
        try {
            chosen = preview.chosen(checked);
        } catch (ImportException e) {
            Messages.show("import-error", e.getMessage());
            return;
        }
        ImportPlan current = preview.plan();
        Async.run(() -> {
            Map<Integer, AccountIcon> icons = drawIcons(current, chosen);
            session.change(vault -> current.apply(vault, chosen, System.currentTimeMillis(), icons));
            close();
            // Back to the accounts, where the imported ones now are.
            Browser.closeDialog(Dom.byId("settings-dialog"));
            Toast.show(ImportPreview.imported(chosen.size()));

        }, message -> Messages.show("import-error", message));
    }
}
