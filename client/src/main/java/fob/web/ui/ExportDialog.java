package fob.web.ui;

import fob.backup.BackupCodec;
import fob.local.VaultSession;
import fob.screen.Export;
import fob.text.Text;
import fob.vault.Account;
import fob.vault.Vault;
import fob.web.Async;
import fob.web.backup.BrowserCompression;
import fob.web.backup.WebCryptoBackend;
import fob.web.js.Browser;
import fob.web.js.Files;
import fob.web.worker.Worker;
import fob.web.worker.WorkerException;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * "Export": an encrypted Fob file (the backup envelope with an Argon2id password slot, derived in the worker
 * while the page stays responsive), a plain list of links after a warning, or a QR code per account.
 */
public final class ExportDialog {
    private final HTMLElement dialog = Dom.byId("export-dialog");
    private final VaultSession session;
    private final Worker worker;

    public ExportDialog(VaultSession session, Worker worker) {
        this.session = session;
        this.worker = worker;
        for (String id : new String[] {"export-encrypted", "export-links", "export-qr"}) {
            Dom.byId(id).addEventListener("change", (EventListener<Event>) event -> showChoice());
        }
        Dom.onClick(Dom.byId("export-run"), this::run);
        Dom.onClick(Dom.byId("export-close"), () -> Browser.closeDialog(dialog));
    }

    public void open() {
        Dom.<HTMLInputElement>byId("export-encrypted").setChecked(true);
        Dom.setValue("export-password", "");
        Dom.setValue("export-password-repeat", "");
        Messages.show("export-error", null);
        Messages.show("export-password-error", null);
        Dom.byId("export-codes").clear();
        Dom.show(Dom.byId("export-codes"), false);
        showChoice();
        Browser.showModal(dialog);
    }

    private String choice() {
        for (String id : new String[] {"export-encrypted", "export-links", "export-qr"}) {
            if (Dom.<HTMLInputElement>byId(id).isChecked()) {
                return id;
            }
        }
        return "export-encrypted";
    }

    private void showChoice() {
        String choice = choice();
        Dom.show(Dom.byId("export-password-rows"), choice.equals("export-encrypted"));
        Dom.show(Dom.byId("export-warning"), choice.equals("export-links"));
        Dom.show(Dom.byId("export-qr-hint"), choice.equals("export-qr"));
        if (!choice.equals("export-qr")) {
            Dom.byId("export-codes").clear();
            Dom.show(Dom.byId("export-codes"), false);
        }
    }

    private void run() {
        Vault vault = session.vault();
        Messages.show("export-error", Export.refusal(vault));
        if (Export.refusal(vault) != null) {
            return;
        }
        switch (choice()) {
            case "export-links":
                Files.save(Export.linksFileName(today()), "text/plain", Export.links(vault));
                Toast.show(Export.linksSaved(Export.withSecrets(vault).size()));
                break;
            case "export-qr":
                Async.run(() -> showCodes(vault), message -> Messages.show("export-error", message));
                break;
            default:
                encrypted(vault);
        }
    }

    private void encrypted(Vault vault) {
        String password = Dom.value("export-password");
        String problem = Export.passwordProblem(password, Dom.value("export-password-repeat"));
        Messages.show("export-password-error", problem);
        if (problem != null) {
            return;
        }
        long started = System.currentTimeMillis();
        Dom.show(Dom.byId("export-progress"), true);
        Dom.byId("export-run").setAttribute("disabled", "");
        int ticker = Window.setInterval(() -> Dom.byId("export-elapsed").setTextContent(Text.t("Encrypting… {0} s",
                Text.tenths(System.currentTimeMillis() - started))), 100);
        Async.run(() -> {
            try {
                WebCryptoBackend crypto = new WebCryptoBackend();
                String file = Export.encrypted(new BackupCodec(crypto, null, new BrowserCompression(worker)),
                        crypto.random(16), (secret, salt, memoryKiB, iterations, parallelism) -> worker.argon2id(
                                secret, salt, memoryKiB, iterations, parallelism, 32),
                        password, vault, System.currentTimeMillis());
                Files.save(Export.encryptedFileName(today()), "application/json", file);
                Browser.mark("fob-export-saved");
                Dom.byId("export-elapsed").setTextContent("");
                Toast.show(Export.exported(vault, System.currentTimeMillis() - started));
            } finally {
                Window.clearInterval(ticker);
                Dom.show(Dom.byId("export-progress"), false);
                Dom.byId("export-run").removeAttribute("disabled");
            }
        }, message -> Messages.show("export-error", message));
    }

    private void showCodes(Vault vault) throws WorkerException {
        HTMLElement list = Dom.byId("export-codes");
        list.clear();
        for (Account account : Export.withSecrets(vault)) {
            HTMLElement item = Dom.element("li", null);
            HTMLElement canvas = Dom.element("canvas", null);
            canvas.setAttribute("role", "img");
            canvas.setAttribute("aria-label", Text.t("QR code for {0}", Vault.describe(account)));
            String modules = worker.encodeQr(Export.link(account));
            draw(canvas, modules, (int) Math.round(Math.sqrt(modules.length())));
            item.appendChild(canvas);
            item.appendChild(Dom.text("span", null, Vault.describe(account)));
            list.appendChild(item);
        }
        Dom.show(list, true);
    }

    @JSBody(params = {"canvas", "bits", "size"}, script = "var scale = 4; canvas.width = size * scale;"
            + " canvas.height = size * scale; var g = canvas.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0,"
            + " canvas.width, canvas.height); g.fillStyle = '#000'; for (var i = 0; i < bits.length; i++) { if"
            + " (bits.charCodeAt(i) === 49) {  g.fillRect((i % size) * scale, Math.floor(i / size) * scale, scale,"
            + " scale); } }")
    private static native void draw(HTMLElement canvas, String bits, int size);

    @JSBody(script = "return new Date().toISOString().substring(0, 10);")
    private static native String today();
}
