package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import fob.backup.BackupCodec;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.codec.Base32;
import fob.crypto.BouncyCastleAead;
import fob.e2e.support.AccountItem;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.VirtualAuthenticator;
import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What the backup keeps secret and what it refuses: the server's files, the JVM and browser implementations
 * agreeing, rollback, a replaced recovery code, an expired session, passkeys added and removed.
 */
class BackupSecurityTest extends BrowserTest {
    private static final String ZANZIBAR = "otpauth://totp/Zanzibar%20Bank:quentin%40example.org?secret="
            + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Zanzibar%20Bank";
    private static final String VELOCIRAPTOR = "otpauth://hotp/Velociraptor%20Mail:xanthe?secret="
            + "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Velociraptor%20Mail&counter=3";
    private static final String WORK = "otpauth://totp/Quokka%20Corp:yolanda%40quokka.example?secret="
            + "ONSWG4TFORZWK3DDN5WWKZLY&issuer=Quokka%20Corp";

    private String fetchBackup() {
        return (String) page.asyncJs("var done = arguments[0]; fetch('/api/backup').then(function (r) {"
                + " return r.text(); }).then(done, function (e) { done('error ' + e); });");
    }

    /** Writes a body as the current backup, with the page's own session: what a hostile server could serve. */
    private int replaceBackupWith(String body) {
        return ((Number) page.asyncJs("var body = arguments[0], done = arguments[1];"
                + " fetch('/api/backup').then(function (r) { return fetch('/api/backup', {method: 'PUT', body: body,"
                + "  headers: {'X-Fob-Request': '1', 'If-Match': r.headers.get('ETag')}}); })"
                + ".then(function (r) { done(r.status); });", body)).intValue();
    }

    /** (g) and the cross-check: the server holds only ciphertext, which the JVM opens with the recovery code. */
    @Test
    void theServerHoldsNoSecretOrNameAndTheJvmOpensTheBrowsersEnvelope() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(ZANZIBAR, false);
        page.addLink(VELOCIRAPTOR, false);
        page.addLink(WORK, true);
        String code = BackupFlows.createRecoveryAccount(page, "Recovery Name");

        Envelope envelope = Envelope.parse(fetchBackup());
        BackupCodec jvm = new BackupCodec(new BouncyCastleAead());
        Vault restored = BackupPayload.read(jvm.open(envelope, jvm.vaultKeyFromRecoveryCode(envelope, code))).vault();
        List<Account> accounts = restored.accounts();
        assertEquals(3, accounts.size());
        for (int i = 0; i < 2; i++) {
            OtpAuthLink link = OtpAuthLink.parse(i == 0 ? ZANZIBAR : VELOCIRAPTOR);
            assertEquals(link.issuer(), accounts.get(i).issuer());
            assertEquals(link.name(), accounts.get(i).name());
            assertEquals(link.parameters(), accounts.get(i).otp());
        }
        assertTrue(accounts.get(2).isPlaceholder(), "the work account went up without its secret");
        assertEquals("Quokka Corp", accounts.get(2).issuer());

        // The server keeps running: its SQLite file and write-ahead log are read as they are.
        List<String> forbidden = new java.util.ArrayList<>();
        for (String link : List.of(ZANZIBAR, VELOCIRAPTOR, WORK)) {
            OtpAuthLink parsed = OtpAuthLink.parse(link);
            forbidden.add(Base32.encode(parsed.parameters().secret()));
            forbidden.add(new String(parsed.parameters().secret(), StandardCharsets.ISO_8859_1));
            forbidden.add(parsed.issuer());
            forbidden.add(parsed.name());
        }
        forbidden.add(code);
        forbidden.add(code.replace("-", ""));
        int files = 0;
        try (Stream<Path> paths = Files.walk(server.dataDir())) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files++;
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (String secret : forbidden) {
                    assertFalse(bytes.contains(secret) || text.contains(secret), secret + " is in " + file);
                }
            }
        }
        assertTrue(files >= 1, "the database was searched");
    }

    /** The JVM's envelope (the fixed vector), restored in the browser with WebCrypto, through its recovery code. */
    @Test
    void theBrowserOpensTheJvmsEnvelope() throws Exception {
        JsonObject vector = JsonParser.object().from(Files.readString(Paths.get(
                System.getProperty("fob.backup.vector", "../client/src/test/resources/fob/backup/vector-1.json"))));
        VirtualAuthenticator.add(browser, true);
        page.open();
        BackupFlows.createRecoveryAccount(page, "Vector");
        assertEquals(200, replaceBackupWith(vector.getString("envelope")));

        BackupFlows.wipe(browser, server);
        page.open();
        WebElement dialog = BackupFlows.beginRecovery(page);
        page.fill(dialog, "textbox", "Recovery code", vector.getString("recoveryCode"));
        page.button(dialog, "Restore").click();
        page.waitFor(() -> page.accounts().size() == 3);
        page.account("Deno").assertShowsCodeOf(OtpAuthLink.parse(
                "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno").parameters());
        assertEquals(OtpAuthLink.parse("otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&algorithm=SHA512"
                + "&digits=8&counter=10300").parameters().codeAt(0), page.account("WWE").code());
        assertTrue(page.account("Contoso").text().contains("Action required"));
    }

    /** A backup older than one this browser has seen is refused: a server cannot roll the accounts back. */
    @Test
    void anOlderBackupServedAsCurrentIsRefused() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(ZANZIBAR, false);
        BackupFlows.createRecoveryAccount(page, "Rollback");
        BackupFlows.closeSettings(page);
        String first = fetchBackup();
        page.addLink(VELOCIRAPTOR, false);
        BackupFlows.waitForStatus(page, "Backup up to date");

        assertEquals(200, replaceBackupWith(first), "the server now serves revision 1 as current");
        page.reload();
        BackupFlows.waitForStatus(page, "Backup out of date");
        String detail = (String) page.js("return document.getElementById('backup-detail').textContent;");
        assertTrue(detail.contains("The server sent an older backup than this browser has already seen"), detail);
        assertEquals(2, page.accounts().size(), "nothing was rolled back");
    }

    /**
     * A new recovery code replaces the old one, with a new vault key (a rotation): only the new code opens the backup,
     * and the key the old one yielded opens nothing the server still holds.
     */
    @Test
    void aNewRecoveryCodeReplacesTheOld() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(ZANZIBAR, false);
        String oldCode = BackupFlows.createRecoveryAccount(page, "Codes");
        BackupCodec jvm = new BackupCodec(new BouncyCastleAead());
        byte[] vaultKey = jvm.vaultKeyFromRecoveryCode(Envelope.parse(fetchBackup()), oldCode);
        WebElement settings = page.dialog("Settings");
        page.button(settings, "Show recovery code").click();
        page.button(page.dialog("Make a new recovery code?"), "Show recovery code").click();
        WebElement codeDialog = page.dialog("Recovery code");
        String newCode = page.waitFor(() -> {
            String text = page.driver().findElement(By.id("recovery-code-text")).getText();
            return text.isEmpty() ? null : text;
        });
        page.button(codeDialog, "I have saved it").click();
        BackupFlows.waitForStatus(page, "Backup up to date");
        assertFalse(oldCode.equals(newCode));

        Envelope envelope = Envelope.parse(fetchBackup());
        byte[] newKey = jvm.vaultKeyFromRecoveryCode(envelope, newCode);
        assertFalse(java.util.Arrays.equals(vaultKey, newKey), "the new code opens the newest backup, to a new key");
        assertThrows(fob.backup.BackupException.class, () -> jvm.open(envelope, vaultKey),
                "the old code's key no longer opens it");
        try {
            jvm.vaultKeyFromRecoveryCode(envelope, oldCode);
            throw new AssertionError("the old code still opens the backup");
        } catch (fob.backup.BackupException expected) {
            assertEquals("That recovery code does not open this backup", expected.getMessage());
        }
        assertEquals(2, envelope.slots().size(), "one passkey slot and one recovery-code slot");
    }

    /** Turning backup on while signed out leads to creating an account or signing in, and turns nothing on. */
    @Test
    void turningBackupOnWhileSignedOutLeadsToSigningIn() throws Exception {
        page.open();
        WebElement settings = BackupFlows.openSettings(page);
        WebElement toggle = page.byRole(settings, "switch", "Cloud backup");
        toggle.click();
        page.waitFor(() -> page.driver().findElement(By.id("backup-error")).getText()
                .contains("create a recovery account (give it a name) or sign in with your passkey"));
        assertFalse(toggle.isSelected());
        assertEquals("Not backed up", BackupFlows.status(page));
        assertEquals(page.byRole(settings, "textbox", "Recovery account name"),
                page.driver().switchTo().activeElement(), "the name field is next");
    }

    /** An ended session: the status says so, with a way to sign in, and the change goes up after it. */
    @Test
    void anEndedSessionShowsOutOfDateWithASignIn() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(ZANZIBAR, false);
        BackupFlows.createRecoveryAccount(page, "Session");
        BackupFlows.closeSettings(page);
        browser.cdp("Network.enable", Map.of());
        browser.cdp("Network.clearBrowserCookies", Map.of());

        page.addLink(VELOCIRAPTOR, false);
        BackupFlows.waitForStatus(page, "Backup out of date");
        WebElement settings = BackupFlows.openSettings(page);
        String detail = page.driver().findElement(By.id("backup-detail")).getText();
        assertTrue(detail.contains("signed out"), detail);
        page.button(settings, "Sign in with passkey").click();
        BackupFlows.waitForStatus(page, "Backup up to date");
        Envelope envelope = Envelope.parse(fetchBackup());
        assertEquals(2, envelope.slots().size());
    }

    /** Passkeys: one added from Settings signs in and gets a slot of its own; one removed is gone. */
    @Test
    void passkeysCanBeAddedAndRemoved() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(ZANZIBAR, false);
        BackupFlows.createRecoveryAccount(page, "Keys");
        WebElement settings = page.dialog("Settings");
        WebElement list = page.byRole(settings, "list", "Passkeys");
        page.waitFor(() -> list.findElements(By.tagName("li")).size() == 1);
        // A second passkey lives on another authenticator (a phone, a security key): the first one refuses to
        // make a second passkey for the same account.
        VirtualAuthenticator.add(browser, true, "usb");
        page.button(settings, "Add passkey").click();
        page.waitFor(() -> list.findElements(By.tagName("li")).size() == 2
                || !page.driver().findElement(By.id("backup-error")).getText().isEmpty() ? true : null);
        assertEquals("", page.driver().findElement(By.id("backup-error")).getText());
        BackupFlows.waitForStatus(page, "Backup up to date");
        assertEquals(3, Envelope.parse(fetchBackup()).slots().size(), "the new passkey got a slot of its own");

        List<WebElement> items = list.findElements(By.tagName("li"));
        page.button(items.get(1), "Remove passkey").click();
        page.button(page.dialog("Remove this passkey?"), "Remove passkey").click();
        page.waitFor(() -> list.findElements(By.tagName("li")).size() == 1);
        BackupFlows.waitForStatus(page, "Backup up to date");
        assertEquals(2, Envelope.parse(fetchBackup()).slots().size(), "its slot went with it");
        AccountItem item = page.account("Zanzibar Bank");
        assertEquals("quentin@example.org", item.name());
    }

    /**
     * docs/security.md: the PRF output and the recovery code never leave the page. Every request the page sends
     * is recorded (its fetch is wrapped), and every PRF output its passkey ceremonies yield; no request body or URL
     * holds either, in base64url, base64 or hex, nor the recovery code as shown, without dashes, or as bytes.
     */
    @Test
    void thePrfOutputAndTheRecoveryCodeNeverLeaveThePage() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.js("window.fobSent = []; window.fobPrf = [];"
                + "var send = window.fetch; window.fetch = function (url, init) {"
                + " window.fobSent.push(String(url) + ' ' + (init && init.body ? String(init.body) : ''));"
                + " return send.apply(this, arguments); };"
                + "var hex = function (buffer) { return Array.from(new Uint8Array(buffer), function (b) {"
                + "  return ('0' + b.toString(16)).slice(-2); }).join(''); };"
                + "var watch = function (ceremony) { return function (options) {"
                + "  return ceremony(options).then(function (credential) {"
                + "   var prf = credential.getClientExtensionResults().prf;"
                + "   if (prf && prf.results && prf.results.first) window.fobPrf.push(hex(prf.results.first));"
                + "   return credential; }); }; };"
                + "navigator.credentials.get = watch(navigator.credentials.get.bind(navigator.credentials));"
                + "navigator.credentials.create = watch(navigator.credentials.create.bind(navigator.credentials));");
        page.addLink(ZANZIBAR, false);
        String code = BackupFlows.createRecoveryAccount(page, "Sent");
        BackupFlows.closeSettings(page);
        page.addLink(VELOCIRAPTOR, false);
        BackupFlows.waitForStatus(page, "Backup up to date");
        WebElement settings = BackupFlows.openSettings(page);
        page.button(settings, "Sign out of recovery account").click();
        page.button(settings, "Sign in with passkey").click();
        BackupFlows.waitForStatus(page, "Backup up to date");

        @SuppressWarnings("unchecked")
        List<String> sent = (List<String>) page.js("return window.fobSent;");
        @SuppressWarnings("unchecked")
        List<String> prfOutputs = (List<String>) page.js("return window.fobPrf;");
        assertFalse(prfOutputs.isEmpty(), "the ceremonies yielded PRF outputs to look for");
        assertTrue(sent.stream().anyMatch(r -> r.startsWith("/api/backup ") && r.length() > 200),
                "backups were uploaded: " + sent.size() + " requests recorded");
        java.util.Set<String> forbidden = new java.util.HashSet<>();
        for (String hex : prfOutputs) {
            byte[] bytes = java.util.HexFormat.of().parseHex(hex);
            forbidden.add(hex);
            forbidden.add(java.util.Base64.getEncoder().encodeToString(bytes).replace("=", ""));
            forbidden.add(fob.codec.Base64Url.encode(bytes));
        }
        byte[] codeBytes = fob.backup.RecoveryCode.parse(code);
        forbidden.add(code);
        forbidden.add(code.replace("-", ""));
        forbidden.add(java.util.HexFormat.of().formatHex(codeBytes));
        forbidden.add(java.util.Base64.getEncoder().encodeToString(codeBytes).replace("=", ""));
        forbidden.add(fob.codec.Base64Url.encode(codeBytes));
        for (String request : sent) {
            for (String secret : forbidden) {
                assertFalse(request.toLowerCase().contains(secret.toLowerCase()),
                        "a request carried a PRF output or the recovery code: " + request.substring(0,
                                Math.min(120, request.length())));
            }
        }
    }
}
