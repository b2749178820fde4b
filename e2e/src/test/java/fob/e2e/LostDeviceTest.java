package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonParser;
import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.Envelope;
import fob.backup.RecoveryCode;
import fob.codec.Base32;
import fob.crypto.BouncyCastleAead;
import fob.crypto.BouncyCastleEcdh;
import fob.e2e.support.AccountItem;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.PrfWatch;
import fob.e2e.support.VirtualAuthenticator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 12, a lost or stolen device, in two real Chromium profiles on the real server: a laptop and a phone on one
 * recovery account, each with a passkey of its own (with PRF). The laptop cuts the phone off and rotates the keys;
 * the JVM opens (or fails to open) what the server holds, with the PRF outputs the pages' ceremonies gave.
 */
class LostDeviceTest extends BrowserTest {
    private static final String ZANZIBAR = "otpauth://totp/Zanzibar%20Bank:quentin%40example.org?secret="
            + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Zanzibar%20Bank";
    private static final String VELOCIRAPTOR = "otpauth://hotp/Velociraptor%20Mail:xanthe?secret="
            + "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Velociraptor%20Mail&counter=3";
    private static final BackupCodec JVM = new BackupCodec(new BouncyCastleAead(), new BouncyCastleEcdh());

    @Override
    protected boolean recordsTraffic() {
        return true;
    }

    /** The laptop (this test's browser) and the phone (another profile), and the first recovery code. */
    private static final class Devices {
        final Chromium phoneBrowser;
        final FobPage phone;
        final String code;

        Devices(Chromium phoneBrowser, FobPage phone, String code) {
            this.phoneBrowser = phoneBrowser;
            this.phone = phone;
            this.code = code;
        }
    }

    /**
     * The laptop makes the recovery account; the phone restores with the code (through a copy of the laptop's
     * passkey, which has no PRF), then adds a passkey of its own and signs in with it.
     */
    private Devices laptopAndPhone() throws Exception {
        VirtualAuthenticator laptopPasskeys = VirtualAuthenticator.add(browser, true);
        page.open();
        PrfWatch.install(page);
        page.addLink(ZANZIBAR, false);
        String code = BackupFlows.createRecoveryAccount(page, "Lost");
        BackupFlows.closeSettings(page);

        Chromium other = Chromium.startRecordingTraffic();
        VirtualAuthenticator phonePasskeys = VirtualAuthenticator.add(other, true);
        phonePasskeys.addCredential(laptopPasskeys.credentials().get(0));
        FobPage phone = new FobPage(other.driver(), server.url()).open();
        PrfWatch.install(phone);
        WebElement dialog = BackupFlows.beginRecovery(phone);
        phone.fill(dialog, "textbox", "Recovery code", code);
        phone.button(dialog, "Restore").click();
        BackupFlows.waitForStatus(phone, "Backup up to date");
        phonePasskeys.removeCredential(phonePasskeys.credentials().get(0));
        WebElement settings = BackupFlows.openSettings(phone);
        phone.button(settings, "Add passkey").click();
        phone.waitFor(() -> phone.toast().equals("Passkey added."));
        phone.button(settings, "Sign out of recovery account").click();
        phone.button(settings, "Sign in with passkey").click();
        BackupFlows.waitForStatus(phone, "Backup up to date");
        BackupFlows.closeSettings(phone);
        assertEquals(2, PrfWatch.outputs(page).size() + PrfWatch.outputs(phone).size() - overlap(phone),
                "two passkeys gave PRF outputs: the laptop's and the phone's own");
        return new Devices(other, phone, code);
    }

    private int overlap(FobPage phone) {
        Set<String> shared = new HashSet<>(PrfWatch.outputs(page).keySet());
        shared.retainAll(PrfWatch.outputs(phone).keySet());
        return shared.size();
    }

    /** Every version the server returns for the account signed in on {@code tab}, newest first. */
    private static List<String> serverVersions(FobPage tab) throws Exception {
        String list = (String) tab.asyncJs("var done = arguments[0]; fetch('/api/backup/versions').then(function (r)"
                + " { return r.text(); }).then(done, function (e) { done('failed ' + e); });");
        JsonArray versions = JsonParser.object().from(list).getArray("versions");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            bodies.add((String) tab.asyncJs("var done = arguments[1]; fetch('/api/backup/versions/' + arguments[0])"
                    + ".then(function (r) { return r.text(); }).then(done);", versions.getObject(i).getLong("version")));
        }
        return bodies;
    }

    /** Confirms a change whose rotation shows a new recovery code; returns that code. */
    private static String newCodeAfter(FobPage tab, String confirmTitle, String confirmButton) {
        tab.button(tab.dialog(confirmTitle), confirmButton).click();
        WebElement codeDialog = tab.waitFor(() -> tab.dialog("Recovery code"));
        String code = tab.waitFor(() -> {
            String text = tab.driver().findElement(By.id("recovery-code-text")).getText();
            return text.isEmpty() ? null : text;
        });
        tab.button(codeDialog, "I have saved it").click();
        return code;
    }

    private static String onlyOther(Map<String, String> outputs, String except) {
        return outputs.keySet().stream().filter(id -> !id.equals(except)).findFirst().orElseThrow();
    }

    /**
     * The phone is lost: the laptop removes its passkey. The phone's next request gets 401 and its page says it is
     * signed out; the keys rotate, so that the old recovery code and the removed passkey's PRF open neither the newest
     * backup nor any version the server still returns, while every envelope from before is still opened by them (so
     * the checks below can fail), and the laptop's passkey and the new code open the new one.
     */
    @Test
    void aLostPhonesPasskeyIsRemovedItsSessionEndsAndTheKeysRotate() throws Exception {
        Devices devices = laptopAndPhone();
        try (Chromium phoneBrowser = devices.phoneBrowser) {
            FobPage phone = devices.phone;
            Map<String, String> laptopPrf = PrfWatch.outputs(page);
            String laptopCredential = laptopPrf.keySet().iterator().next();
            String phoneCredential = onlyOther(PrfWatch.outputs(phone), laptopCredential);
            byte[] phonePrf = PrfWatch.bytes(PrfWatch.outputs(phone).get(phoneCredential));
            List<String> before = serverVersions(page);
            assertFalse(before.isEmpty());
            Envelope newestBefore = Envelope.parse(before.get(0));
            byte[] oldKey = JVM.vaultKeyFromRecoveryCode(newestBefore, devices.code);
            assertArrayEquals(oldKey, JVM.vaultKeyFromPasskey(newestBefore, PrfWatch.bytes(phoneCredential),
                    phonePrf), "before, the phone's passkey opened the backup");

            WebElement settings = BackupFlows.openSettings(page);
            List<WebElement> passkeys = page.byRole(settings, "list", "Passkeys").findElements(By.tagName("li"));
            assertEquals(2, passkeys.size());
            assertTrue(passkeys.get(1).getText().contains("last used"), passkeys.get(1).getText());
            page.button(passkeys.get(1), "Remove passkey").click();
            String newCode = newCodeAfter(page, "Remove this passkey?", "Remove passkey");
            BackupFlows.waitForStatus(page, "Backup up to date");

            phone.reload();
            BackupFlows.waitForStatus(phone, "Backup out of date");
            String detail = (String) phone.js("return document.getElementById('backup-detail').textContent;");
            assertTrue(detail.contains("signed out"), detail);
            WebElement phoneSettings = BackupFlows.openSettings(phone);
            assertTrue(phone.isPresent(phoneSettings, "button", "Sign in with passkey"), "the phone is signed out");
            Object status = phone.asyncJs("var done = arguments[0]; fetch('/api/backup').then(function (r) {"
                    + " done(r.status); });");
            assertEquals(401L, ((Number) status).longValue(), "its next request gets 401");

            List<String> after = serverVersions(page);
            assertFalse(after.isEmpty());
            for (String body : after) {
                Envelope envelope = Envelope.parse(body);
                assertThrows(BackupException.class, () -> JVM.vaultKeyFromRecoveryCode(envelope, devices.code),
                        "the old recovery code");
                assertThrows(BackupException.class, () -> JVM.vaultKeyFromPasskey(envelope,
                        PrfWatch.bytes(phoneCredential), phonePrf), "the removed passkey");
                assertThrows(BackupException.class, () -> JVM.open(envelope, oldKey), "the old vault key");
            }
            for (String body : before) {
                assertArrayEquals(oldKey, JVM.vaultKeyFromRecoveryCode(Envelope.parse(body), devices.code),
                        "what the server held before was sealed under the old key");
                assertFalse(after.contains(body), "and the rotation deleted it from the server");
            }
            Envelope newest = Envelope.parse(after.get(0));
            byte[] newKey = JVM.vaultKeyFromRecoveryCode(newest, newCode);
            assertArrayEquals(newKey, JVM.vaultKeyFromPasskey(newest, PrfWatch.bytes(laptopCredential),
                    PrfWatch.bytes(laptopPrf.get(laptopCredential))), "the remaining passkey opens it");
            assertTrue(new String(JVM.open(newest, newKey), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), "and it holds the accounts");
        }
    }

    /**
     * The laptop rotates the keys while the phone, offline, adds an account. Back online, the phone says "Sign in to
     * keep backing up", and after one passkey sign-in adopts the new key and uploads its edit. Every request either
     * page sent meanwhile (backup, restore, rotation, adoption) is read from the DevTools Network events: none holds
     * a PRF output, a recovery code, a vault key or an account's secret.
     */
    @Test
    void theOtherDeviceAdoptsRotatedKeysKeepsItsOfflineEditAndNothingSecretIsSent() throws Exception {
        Devices devices = laptopAndPhone();
        try (Chromium phoneBrowser = devices.phoneBrowser) {
            FobPage phone = devices.phone;
            byte[] oldKey = JVM.vaultKeyFromRecoveryCode(Envelope.parse(serverVersions(page).get(0)), devices.code);
            phoneBrowser.cdp("Network.enable", Map.of());
            phoneBrowser.cdp("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            phone.addLink(VELOCIRAPTOR, false);
            BackupFlows.waitForStatus(phone, "Backup out of date");

            WebElement settings = BackupFlows.openSettings(page);
            page.button(settings, "Rotate keys").click();
            String newCode = newCodeAfter(page, "Rotate keys?", "Rotate keys");
            BackupFlows.waitForStatus(page, "Backup up to date");

            phoneBrowser.cdp("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            phone.waitFor(java.time.Duration.ofSeconds(20),
                    () -> BackupFlows.status(phone).equals("Sign in to keep backing up"));
            WebElement phoneSettings = BackupFlows.openSettings(phone);
            phone.button(phoneSettings, "Sign in with passkey").click();
            BackupFlows.waitForStatus(phone, "Backup up to date");
            assertEquals(List.of("Velociraptor Mail", "Zanzibar Bank"), issuers(phone));

            page.reload();
            page.waitFor(() -> issuers(page).size() == 2);
            assertEquals(List.of("Velociraptor Mail", "Zanzibar Bank"), issuers(page),
                    "the phone's offline edit reached the laptop through the rotated backup");
            byte[] newKey = JVM.vaultKeyFromRecoveryCode(Envelope.parse(serverVersions(page).get(0)), newCode);

            List<String> secrets = new ArrayList<>();
            for (FobPage tab : List.of(page, phone)) {
                for (String prf : PrfWatch.outputs(tab).values()) {
                    secrets.addAll(PrfWatch.encodings(PrfWatch.bytes(prf)));
                }
            }
            for (String code : List.of(devices.code, newCode)) {
                secrets.add(code);
                secrets.add(code.replace("-", ""));
                secrets.addAll(PrfWatch.encodings(RecoveryCode.parse(code)));
            }
            secrets.addAll(PrfWatch.encodings(oldKey));
            secrets.addAll(PrfWatch.encodings(newKey));
            for (String secret : List.of("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U")) {
                secrets.add(secret);
                secrets.addAll(PrfWatch.encodings(Base32.decode(secret)));
            }
            List<String> sent = new ArrayList<>(browser.sentRequests());
            sent.addAll(phoneBrowser.sentRequests());
            for (String expected : List.of("PUT ", "POST " + server.url() + "api/backup/rotation",
                    "POST " + server.url() + "api/signin/verify", "POST " + server.url() + "api/passkeys ")) {
                assertTrue(sent.stream().anyMatch(r -> r.startsWith(expected) && r.length() > expected.length() + 100),
                        "the recording holds " + expected + ": " + sent.size() + " requests");
            }
            for (String request : sent) {
                for (String secret : secrets) {
                    assertFalse(request.toLowerCase().contains(secret.toLowerCase()), "a request carried a secret: "
                            + request.substring(0, Math.min(160, request.length())));
                }
            }
        }
    }

    /**
     * "Signed-in devices" lists the laptop and the phone; "Sign out everywhere else" ends the phone's session (its next
     * request gets 401), the keys rotate, and "Activity" shows the sign-ins with their device, the sign-out and the
     * rotation.
     */
    @Test
    void signOutEverywhereElseEndsThePhonesSessionAndActivityShowsIt() throws Exception {
        Devices devices = laptopAndPhone();
        try (Chromium phoneBrowser = devices.phoneBrowser) {
            FobPage phone = devices.phone;
            WebElement settings = BackupFlows.openSettings(page);
            WebElement list = page.byRole(settings, "list", "Signed-in devices");
            page.waitFor(() -> list.findElements(By.tagName("li")).size() >= 2);
            String listed = list.getText();
            assertTrue(listed.contains("Chrome on Linux (this device)"), listed);
            WebElement thisDevice = list.findElements(By.tagName("li")).stream()
                    .filter(item -> item.getText().contains("(this device)")).findFirst().orElseThrow();
            // Each row's buttons name their device: Settings also holds the recovery account's own "Sign out".
            assertTrue(page.isPresent(thisDevice, "button", "Sign out Chrome on Linux"), thisDevice.getText());
            page.button(thisDevice, "Rename Chrome on Linux").click();
            page.fill(list, "textbox", "Device name", "Work laptop");
            page.button(list, "Save").click();
            page.waitFor(() -> list.getText().contains("Work laptop (this device)"));

            page.button(settings, "Sign out everywhere else").click();
            newCodeAfter(page, "Sign out everywhere else?", "Sign out everywhere else");
            BackupFlows.waitForStatus(page, "Backup up to date");
            page.waitFor(() -> list.findElements(By.tagName("li")).size() == 1);
            Object status = phone.asyncJs("var done = arguments[0]; fetch('/api/session').then(function (r) {"
                    + " return r.text(); }).then(done);");
            assertEquals("{\"signedIn\":false}", status, "the phone's session is over");

            page.button(settings, "Activity").click();
            WebElement activity = page.dialog("Activity");
            WebElement events = page.byRole(activity, "list", "Events");
            page.waitFor(() -> events.getText().contains("Keys rotated"));
            String text = events.getText();
            for (String expected : new String[] {"Signed in", "Chrome on Linux", "Device renamed, Work laptop",
                "Device signed out, every other device",
                "Keys rotated", "Passkey added", "Recovery account created", "from 127.0.0.1"}) {
                assertTrue(text.contains(expected), expected + " in " + text);
            }
        }
    }

    /**
     * docs/security.md, "Script in the page": script running in the page can take the vault key, as the page can (the
     * device key may decrypt, and the wrapped vault key is stored beside it). Here it does, without any of Fob's code,
     * and gets the key that opens the backup. A rotation then shuts that key out of everything the server holds.
     */
    @Test
    void aScriptInThePageCanTakeTheVaultKeyAndARotationShutsItOut() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(ZANZIBAR, false);
        String code = BackupFlows.createRecoveryAccount(page, "Script");
        String stolen = (String) page.asyncJs("var done = arguments[arguments.length - 1];"
                + " var opening = indexedDB.open('fob', 1); opening.onsuccess = function () {"
                + "  var store = opening.result.transaction('kv').objectStore('kv');"
                + "  var key = store.get('deviceKey'); var vault = store.get('vault');"
                + "  vault.onsuccess = function () { var r = vault.result;"
                + "   crypto.subtle.decrypt({name: 'AES-GCM', iv: r.keyNonce,"
                + "     additionalData: new TextEncoder().encode('fob vault key v1')}, key.result, r.wrappedKey)"
                + "   .then(function (raw) { done(Array.from(new Uint8Array(raw), function (b) {"
                + "     return ('0' + b.toString(16)).slice(-2); }).join('')); }, function (e) { done('refused ' + e); });"
                + "  }; };");
        byte[] backupKey = JVM.vaultKeyFromRecoveryCode(Envelope.parse(serverVersions(page).get(0)), code);
        assertEquals(java.util.HexFormat.of().formatHex(backupKey), stolen, "the script holds the backup's key");

        WebElement settings = BackupFlows.openSettings(page);
        page.button(settings, "Rotate keys").click();
        newCodeAfter(page, "Rotate keys?", "Rotate keys");
        BackupFlows.waitForStatus(page, "Backup up to date");
        for (String body : serverVersions(page)) {
            assertThrows(BackupException.class, () -> JVM.open(Envelope.parse(body), PrfWatch.bytes(stolen)),
                    "the stolen key opens nothing the server holds after the rotation");
        }
    }

    private static List<String> issuers(FobPage tab) {
        return tab.accounts().stream().map(AccountItem::issuer).sorted().collect(Collectors.toList());
    }
}
