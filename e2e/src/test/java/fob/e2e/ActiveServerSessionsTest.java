package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.Envelope;
import fob.codec.Base64Url;
import fob.crypto.BouncyCastleAead;
import fob.crypto.BouncyCastleEcdh;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.FobPage;
import fob.e2e.support.LockFlows;
import fob.e2e.support.PrfWatch;
import fob.e2e.support.VirtualAuthenticator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 23, the attacker in the model, where sessions and keys meet: a re-authentication cannot be satisfied by
 * another recovery account's passkey on the same authenticator; a passkey removed where Cloud backup is off still
 * rotates the backup's keys; turning the app lock on gives the vault a new key, so that a copy of the vault record
 * and the device key taken before opens neither the locked vault nor the backup; and a passkey ceremony that fails
 * while turning Cloud backup on is said next to the switch.
 */
class ActiveServerSessionsTest extends BrowserTest {
    private static final BackupCodec JVM = new BackupCodec(new BouncyCastleAead(), new BouncyCastleEcdh());
    private static final String ZANZIBAR = "otpauth://totp/Zanzibar%20Bank:quentin%40example.org?secret="
            + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Zanzibar%20Bank";
    private static final String ZANZIBAR_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final String BOEING = "otpauth://totp/Boeing:bea?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF"
            + "&issuer=Boeing";
    private static final String PASSWORD = "a lock password for tests";

    /** GET /api/session, as the page's own fetch sees it. */
    private JsonObject session() throws Exception {
        return JsonParser.object().from((String) page.asyncJs("var done = arguments[0]; fetch('/api/session')"
                + ".then(function (r) { return r.text(); }).then(done, function (e) { done('error ' + e); });"));
    }

    private static byte[] fromBase64(String any) {
        String standard = any.replace('-', '+').replace('_', '/');
        return Base64.getDecoder().decode(standard + "==".substring(0, (4 - standard.length() % 4) % 4));
    }

    /** The id of the credential the virtual authenticator made last, as bytes. */
    private static byte[] newestCredential(VirtualAuthenticator authenticator, List<byte[]> known) {
        for (Map<String, Object> credential : authenticator.credentials()) {
            byte[] id = fromBase64((String) credential.get("credentialId"));
            if (known.stream().noneMatch(k -> java.util.Arrays.equals(k, id))) {
                return id;
            }
        }
        throw new AssertionError("the authenticator made no new credential");
    }

    /**
     * Wraps the page's fetch: every call to /api/ is recorded as "METHOD path status" with its body, and the answer
     * to a sign-in's options is kept whole.
     */
    private void recordApiCalls() {
        page.js("if (window.fobCalls) return; window.fobCalls = []; var send = window.fetch;"
                + "window.fetch = function (url, init) {"
                + " var entry = {method: (init && init.method) || 'GET', url: String(url),"
                + "  body: init && init.body ? String(init.body) : ''};"
                + " return send.apply(this, arguments).then(function (response) {"
                + "  entry.status = response.status; window.fobCalls.push(entry);"
                + "  if (entry.url.indexOf('/api/signin/options') < 0) return response;"
                + "  return response.clone().text().then(function (text) { entry.answer = text; return response; });"
                + " }); };");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> apiCalls() {
        return (List<Map<String, Object>>) page.js("return window.fobCalls;");
    }

    private static String line(Map<String, Object> call) {
        String url = (String) call.get("url");
        return call.get("method") + " " + url.substring(url.indexOf("/api/")) + " " + call.get("status");
    }

    /**
     * One authenticator holds passkeys of two recovery accounts, Bea's and then Ann's. Signed in as Ann, a
     * re-authentication's options name Ann's passkey only, and verifying them with Bea's passkey is refused
     * (403 other_account) with Ann's session kept. Ann's sign-in made older than 5 minutes, "Delete recovery account"
     * re-authenticates with her passkey and deletes her account; Bea's account and backup are as they were, and
     * Bea's passkey signs in.
     */
    @Test
    void reauthenticationWithTwoAccountsOnOneAuthenticatorCannotDeleteTheOther() throws Exception {
        VirtualAuthenticator passkeys = VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(BOEING, false);
        BackupFlows.createRecoveryAccount(page, "Bea");
        byte[] bea = newestCredential(passkeys, List.of());
        String beaBackup = BackupFlows.currentBackup(page);
        Map<Long, String> beaVersions = BackupFlows.serverVersions(page);
        WebElement settings = BackupFlows.openSettings(page);
        page.button(settings, "Sign out of recovery account").click();
        page.waitFor(() -> page.isPresent(settings, "button", "Sign in with passkey"));

        page.fill(settings, "textbox", "Recovery account name", "Ann");
        page.button(settings, "Create recovery account").click();
        BackupFlows.waitForStatus(page, "Signed in to another recovery account");
        byte[] ann = newestCredential(passkeys, List.of(bea));
        // This browser backs up to Ann's account from now on: a backup of her own, with its code.
        page.button(settings, "Restore or merge").click();
        WebElement codeDialog = page.waitFor(Duration.ofSeconds(20), () -> page.dialog("Recovery code"));
        BackupFlows.shownRecoveryCode(page);
        page.button(codeDialog, "I have saved it").click();
        BackupFlows.waitForStatus(page, "Backup up to date");
        assertEquals("Ann", session().getObject("account").getString("name"));
        String annId = session().getObject("account").getString("id");

        // The attacker's move: Ann's re-authentication options, verified with Bea's passkey on the same authenticator.
        @SuppressWarnings("unchecked")
        Map<String, Object> crossed = (Map<String, Object>) page.asyncJs("var bea = arguments[0];"
                + " var done = arguments[arguments.length - 1];"
                + " fetch('/api/signin/options', {method: 'POST', headers: {'Content-Type': 'application/json',"
                + "  'X-Fob-Request': '1'},"
                + "  body: JSON.stringify({reauthenticate: true})}).then(function (r) { return r.json(); })"
                + " .then(function (options) {"
                + "  if (!options.allowCredentials) throw new Error('options ' + JSON.stringify(options));"
                + "  var named = options.allowCredentials.map(function (c) { return c.id; });"
                + "  options.allowCredentials = [{type: 'public-key', id: bea}];"
                + "  return navigator.credentials.get({publicKey: PublicKeyCredential.parseRequestOptionsFromJSON("
                + "   options)}).then(function (credential) { var json = credential.toJSON();"
                + "   json.clientExtensionResults = {};"
                + "   return fetch('/api/signin/verify', {method: 'POST', headers: {'X-Fob-Request': '1',"
                + "    'Content-Type': 'application/json'}, body: JSON.stringify(json)}); })"
                + "  .then(function (r) { return r.text().then(function (text) {"
                + "   done({named: named, status: r.status, answer: text}); }); }); })"
                + " .catch(function (e) { done({error: String(e)}); });", Base64Url.encode(bea));
        assertFalse(crossed.containsKey("error"), String.valueOf(crossed));
        assertEquals(List.of(Base64Url.encode(ann)), crossed.get("named"), "the options name Ann's passkey only");
        assertEquals(403L, ((Number) crossed.get("status")).longValue(), String.valueOf(crossed));
        assertEquals("other_account", JsonParser.object().from((String) crossed.get("answer")).getString("error"));
        JsonObject still = session();
        assertTrue(still.getBoolean("signedIn"));
        assertEquals(annId, still.getObject("account").getString("id"), "Ann's session stays Ann's");
        assertEquals(beaBackup, currentBackupOf("Bea"), "nothing was read or written as Bea");

        // Ann's last passkey sign-in, older than the 5 minutes the server wants for deleting her account.
        assertEquals(1, server.operatorAgesSignIns("Ann", Duration.ofMinutes(6)));
        long authenticatedAt = session().getLong("authenticatedAt");
        assertTrue(System.currentTimeMillis() - authenticatedAt > Duration.ofMinutes(5).toMillis(),
                "the server sees a sign-in older than 5 minutes: " + authenticatedAt);

        recordApiCalls();
        page.button(settings, "Delete recovery account").click();
        WebElement dialog = page.dialog("Delete recovery account?");
        page.fill(dialog, "textbox", "Type \"delete\" to confirm", "delete");
        page.button(dialog, "Delete recovery account").click();
        try {
            page.waitFor(Duration.ofSeconds(20), () -> page.toast().startsWith("Recovery account deleted"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no deletion; the page shows " + page.describe() + ", calls "
                    + apiCalls().stream().map(ActiveServerSessionsTest::line).toList(), e);
        }
        // What changes state (reads of the backup, which a sign-in makes, left out), in order.
        List<Map<String, Object>> calls = new ArrayList<>(apiCalls());
        calls.removeIf(call -> "GET".equals(call.get("method")));
        List<String> lines = new ArrayList<>();
        calls.forEach(call -> lines.add(line(call)));
        assertEquals(List.of("DELETE /api/account 403", "POST /api/signin/options 200", "POST /api/signin/verify 200",
                "DELETE /api/account 204"), lines, "refused for an old sign-in, re-authenticated, then deleted");
        Map<String, Object> options = calls.get(1);
        assertEquals("{\"reauthenticate\":true}", options.get("body"));
        JsonArray allowed = JsonParser.object().from((String) options.get("answer")).getArray("allowCredentials");
        assertEquals(1, allowed.size(), "only Ann's passkey is offered: " + allowed);
        assertArrayEquals(ann, Base64Url.decode(allowed.getObject(0).getString("id")));
        assertFalse(session().getBoolean("signedIn"), "Ann's account and its session are gone");
        BackupFlows.waitForStatus(page, "Not backed up");

        // Bea's account: her passkey signs in, and her backup is on the server as it was.
        passkeys.removeCredential(passkeys.credentials().stream()
                .filter(c -> java.util.Arrays.equals(ann, fromBase64((String) c.get("credentialId"))))
                .findFirst().orElseThrow());
        page.button(BackupFlows.openSettings(page), "Sign in with passkey").click();
        page.waitFor(Duration.ofSeconds(20), () -> {
            try {
                JsonObject now = session();
                return now.getBoolean("signedIn") && "Bea".equals(now.getObject("account").getString("name"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(beaBackup, BackupFlows.currentBackup(page), "Bea's backup is intact");
        assertEquals(beaVersions, BackupFlows.serverVersions(page), "and so are its versions");
    }

    /** Bea's newest backup as the server holds it, read by the operator (no session of hers involved). */
    private String currentBackupOf(String accountName) throws Exception {
        org.sqlite.SQLiteDataSource database = new org.sqlite.SQLiteDataSource();
        database.setUrl("jdbc:sqlite:" + server.dataDir().resolve("fob.db"));
        try (java.sql.Connection connection = database.getConnection();
                java.sql.PreparedStatement select = connection.prepareStatement("SELECT b.body FROM backup_versions b"
                        + " JOIN accounts a ON a.id = b.account_id AND b.version = a.current_version"
                        + " WHERE a.name = ?")) {
            select.setString(1, accountName);
            try (java.sql.ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), "no backup of " + accountName);
                return new String(rows.getBytes(1), StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * A browser with Cloud backup on adds a second passkey (on a second authenticator, with PRF of its own), then turns
     * Cloud backup off with "Stop on this device", then removes that passkey in Settings. The backup still gets new
     * keys: the old code, the old vault key and the removed passkey's PRF open nothing the server holds, and the new
     * code the page shows opens the newest backup, as does the remaining passkey.
     */
    @Test
    void aPasskeyRemovedWhereBackupIsOffStillRotatesTheBackupsKeys() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        PrfWatch.install(page);
        page.addLink(ZANZIBAR, false);
        String oldCode = BackupFlows.createRecoveryAccount(page, "Removed while off");
        String first = PrfWatch.outputs(page).keySet().iterator().next();
        WebElement settings = BackupFlows.openSettings(page);
        WebElement list = page.byRole(settings, "list", "Passkeys");
        page.waitFor(() -> list.findElements(By.tagName("li")).size() == 1);
        VirtualAuthenticator.add(browser, true, "usb");
        page.button(settings, "Add passkey").click();
        page.waitFor(Duration.ofSeconds(20), () -> page.toast().equals("Passkey added."));
        page.waitFor(() -> list.findElements(By.tagName("li")).size() == 2);
        String second = PrfWatch.outputs(page).keySet().stream().filter(id -> !id.equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("the added passkey gave no PRF output"));
        byte[] secondPrf = PrfWatch.bytes(PrfWatch.outputs(page).get(second));
        page.waitFor(Duration.ofSeconds(20), () -> {
            try {
                return Envelope.parse(BackupFlows.currentBackup(page)).slots().size() == 3;
            } catch (BackupException e) {
                throw new IllegalStateException(e);
            }
        });
        BackupFlows.waitForStatus(page, "Backup up to date");
        Envelope before = Envelope.parse(BackupFlows.currentBackup(page));
        byte[] oldKey = JVM.vaultKeyFromRecoveryCode(before, oldCode);
        assertArrayEquals(oldKey, JVM.vaultKeyFromPasskey(before, PrfWatch.bytes(second), secondPrf),
                "before, the second passkey opened the backup");

        page.byRole(settings, "switch", "Cloud backup").click();
        page.button(page.dialog("Turn off Cloud backup?"), "Stop on this device").click();
        BackupFlows.waitForStatus(page, "Not backed up");
        assertFalse(page.byRole(settings, "switch", "Cloud backup").isSelected());
        assertEquals(before.toJson(), BackupFlows.currentBackup(page), "the backup stays on the server as it was");

        List<WebElement> items = list.findElements(By.tagName("li"));
        page.button(items.get(1), "Remove passkey").click();
        page.button(page.dialog("Remove this passkey?"), "Remove passkey").click();
        WebElement codeDialog;
        try {
            codeDialog = page.waitFor(Duration.ofSeconds(30), () -> page.dialog("Recovery code"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no new recovery code; the page shows " + page.describe() + ", backup error '"
                    + page.driver().findElement(By.id("backup-error")).getText() + "'", e);
        }
        String newCode = BackupFlows.shownRecoveryCode(page);
        assertNotEquals(oldCode, newCode);
        page.button(codeDialog, "I have saved it").click();
        page.waitFor(() -> list.findElements(By.tagName("li")).size() == 1);
        assertEquals("Not backed up", BackupFlows.status(page), "backup stays off here");

        Map<Long, String> versions = BackupFlows.serverVersions(page);
        assertFalse(versions.isEmpty());
        for (String body : versions.values()) {
            Envelope envelope = Envelope.parse(body);
            assertThrows(BackupException.class, () -> JVM.vaultKeyFromPasskey(envelope, PrfWatch.bytes(second),
                    secondPrf), "the removed passkey");
            assertThrows(BackupException.class, () -> JVM.vaultKeyFromRecoveryCode(envelope, oldCode),
                    "the old recovery code");
            assertThrows(BackupException.class, () -> JVM.open(envelope, oldKey), "the old vault key");
        }
        Envelope newest = Envelope.parse(BackupFlows.currentBackup(page));
        assertEquals(newest.toJson(), versions.values().iterator().next(), "the newest version is the backup");
        byte[] newKey = JVM.vaultKeyFromRecoveryCode(newest, newCode);
        assertTrue(new String(JVM.open(newest, newKey), StandardCharsets.UTF_8).contains(ZANZIBAR_SECRET),
                "the new code opens the newest backup, which holds the accounts");
        assertArrayEquals(newKey, JVM.vaultKeyFromPasskey(newest, PrfWatch.bytes(first),
                PrfWatch.bytes(PrfWatch.outputs(page).get(first))), "the remaining passkey opens it");
    }

    /**
     * The attacker's copy, made before the lock: the stored vault record and the device key (a CryptoKey, kept as
     * is) put into a database of the attacker's own on the same origin. Returns the record's JSON.
     */
    private String copyVaultAndDeviceKey() {
        Object result = page.asyncJs("var done = arguments[0]; var opening = indexedDB.open('fob', 1);"
                + " opening.onerror = function () { done('error ' + opening.error); };"
                + " opening.onsuccess = function () { var db = opening.result;"
                + "  var store = db.transaction('kv').objectStore('kv');"
                + "  var vault = store.get('vault'), key = store.get('deviceKey');"
                + "  key.onsuccess = function () { db.close(); var record = vault.result, deviceKey = key.result;"
                + "   var copy = indexedDB.open('attacker', 1);"
                + "   copy.onupgradeneeded = function () { copy.result.createObjectStore('stolen'); };"
                + "   copy.onsuccess = function () { var out = copy.result; var tx = out.transaction('stolen',"
                + "    'readwrite'); tx.objectStore('stolen').put(record, 'vault');"
                + "    tx.objectStore('stolen').put(deviceKey, 'deviceKey');"
                + "    tx.oncomplete = function () { out.close(); done(JSON.stringify({format: record.format,"
                + "     wrapped: !!record.wrappedKey, key: deviceKey instanceof CryptoKey})); }; }; }; };");
        assertTrue(String.valueOf(result).contains("\"wrapped\":true") && String.valueOf(result).contains(
                "\"key\":true"), "the copy holds a wrapped key and the device key: " + result);
        return (String) result;
    }

    /**
     * With the copy: the old vault key (the copied record's wrappedKey unwrapped with the device key), whether it
     * opens the copied record's ciphertext, and whether it opens the record stored now; the key as hex.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> attackWithTheCopy() {
        Object result = page.asyncJs("var done = arguments[0];"
                + " function get(name, version, storeName, keys) { return new Promise(function (resolve, reject) {"
                + "  var opening = indexedDB.open(name, version);"
                + "  opening.onerror = function () { reject(opening.error); };"
                + "  opening.onsuccess = function () { var db = opening.result; var store = db.transaction(storeName)"
                + "   .objectStore(storeName); var out = {}; var left = keys.length; keys.forEach(function (k) {"
                + "   var r = store.get(k); r.onsuccess = function () { out[k] = r.result;"
                + "    if (--left === 0) { db.close(); resolve(out); } }; }); }; }); }"
                + " function opens(key, record) { return crypto.subtle.decrypt({name: 'AES-GCM', iv: record.nonce,"
                + "  additionalData: new TextEncoder().encode('fob vault v1')}, key, record.ciphertext)"
                + "  .then(function () { return true; }, function () { return false; }); }"
                + " Promise.all([get('attacker', 1, 'stolen', ['vault', 'deviceKey']), get('fob', 1, 'kv', ['vault'])])"
                + " .then(function (found) { var old = found[0].vault, deviceKey = found[0].deviceKey,"
                + "  now = found[1].vault;"
                + "  return crypto.subtle.decrypt({name: 'AES-GCM', iv: old.keyNonce, additionalData:"
                + "   new TextEncoder().encode('fob vault key v1')}, deviceKey, old.wrappedKey).then(function (raw) {"
                + "   return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']).then(function (key) {"
                + "    return Promise.all([opens(key, old), opens(key, now)]).then(function (r) {"
                + "     done({hex: Array.from(new Uint8Array(raw), function (b) { return ('0' + b.toString(16))"
                + "      .slice(-2); }).join(''), opensOld: r[0], opensNow: r[1], formatNow: now.format,"
                + "      lockNow: !!now.lock}); }); }); }); })"
                + " .catch(function (e) { done({error: String(e)}); });");
        assertTrue(result instanceof Map && !((Map<String, Object>) result).containsKey("error"),
                "the attack could not be run: " + result);
        return (Map<String, Object>) result;
    }

    /**
     * Cloud backup on and up to date; an attacker copies the vault record and keeps the device key usable. Turning
     * the app lock on rotates the backup's keys (the new code is shown): the old vault key, which the copy gives, opens
     * the copied record but neither the locked record nor the server's newest backup, which the new code opens.
     */
    @Test
    void appLockOnWithBackupOnGivesNewKeysThatTheOldCopyDoesNotOpen() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(ZANZIBAR, false);
        String oldCode = BackupFlows.createRecoveryAccount(page, "Locked");
        BackupFlows.waitForStatus(page, "Backup up to date");
        Envelope before = Envelope.parse(BackupFlows.currentBackup(page));
        copyVaultAndDeviceKey();
        byte[] oldKey = HexFormat.of().parseHex((String) attackWithTheCopy().get("hex"));
        assertArrayEquals(oldKey, JVM.vaultKeyFromRecoveryCode(before, oldCode),
                "before the lock, the copied record's key is the backup's");

        WebElement settings = LockFlows.openAppLock(page);
        page.button(settings, "Set lock password").click();
        page.fill(settings, "password", "New lock password", PASSWORD);
        page.fill(settings, "password", "Repeat lock password", PASSWORD);
        page.button(settings, "Save lock password").click();
        WebElement codeDialog;
        try {
            codeDialog = page.waitFor(Duration.ofSeconds(40), () -> page.dialog("Recovery code"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no new recovery code after the lock; the page shows " + page.describe(), e);
        }
        String newCode = BackupFlows.shownRecoveryCode(page);
        assertNotEquals(oldCode, newCode);
        page.button(codeDialog, "I have saved it").click();
        BackupFlows.waitForStatus(page, "Backup up to date");
        // The new keys come first, then the lock is stored over them.
        LockFlows.waitUntilPasswordLockIsOn(page);
        assertTrue(page.byRole(settings, "switch", "App lock").isSelected());
        assertEquals("", page.driver().findElement(By.id("lock-setup-error")).getText(), "no failure was said");

        Map<String, Object> attack = attackWithTheCopy();
        assertEquals(HexFormat.of().formatHex(oldKey), attack.get("hex"), "the copy still gives the old key");
        assertEquals(true, attack.get("opensOld"), "the old key opens the copied record (the check works)");
        assertEquals(2L, ((Number) attack.get("formatNow")).longValue(), "the stored record is locked now");
        assertEquals(true, attack.get("lockNow"));
        assertEquals(false, attack.get("opensNow"), "the old key does not open the locked record");
        Envelope newest = Envelope.parse(BackupFlows.currentBackup(page));
        assertThrows(BackupException.class, () -> JVM.open(newest, oldKey), "the old key opens the newest backup");
        for (String body : BackupFlows.serverVersions(page).values()) {
            assertThrows(BackupException.class, () -> JVM.open(Envelope.parse(body), oldKey),
                    "the old key opens a version the server holds");
        }
        assertTrue(new String(JVM.open(newest, JVM.vaultKeyFromRecoveryCode(newest, newCode)),
                StandardCharsets.UTF_8).contains(ZANZIBAR_SECRET), "the new code opens the newest backup");
    }

    /** With backup off (no recovery account at all): turning the app lock on changes the vault key too. */
    @Test
    void appLockOnWithBackupOffChangesTheVaultKey() throws Exception {
        page.open();
        BackupFlows.addNumberedAccounts(page, 3);
        copyVaultAndDeviceKey();
        Map<String, Object> unlocked = attackWithTheCopy();
        assertEquals(true, unlocked.get("opensNow"), "before the lock, the copy's key opens the stored record");

        LockFlows.setPassword(page, PASSWORD);
        Map<String, Object> attack = attackWithTheCopy();
        assertEquals(unlocked.get("hex"), attack.get("hex"));
        assertEquals(true, attack.get("opensOld"), "the old key opens the copied record (the check works)");
        assertEquals(2L, ((Number) attack.get("formatNow")).longValue(), "the stored record is locked now");
        assertEquals(false, attack.get("opensNow"), "the old key does not open the locked record");
        assertEquals("", page.driver().findElement(By.id("lock-setup-error")).getText(), "no failure was said");
        assertEquals(List.of("Account 1", "Account 2", "Account 3"), page.issuers());
    }

    /**
     * Signed in, Cloud backup stopped here: turning it on again takes a passkey sign-in, whose verification is
     * answered, before it reaches the server, with the server's own 401 for a signature that does not verify
     * (bad_signature): the page's fetch is wrapped, as the virtual authenticator's signatures always verify. The
     * switch says why, and is off.
     */
    @Test
    void aFailedPasskeyCeremonyWhileTurningBackupOnIsSaidNextToTheSwitch() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(ZANZIBAR, false);
        BackupFlows.createRecoveryAccount(page, "Failed ceremony");
        WebElement settings = BackupFlows.openSettings(page);
        page.byRole(settings, "switch", "Cloud backup").click();
        page.button(page.dialog("Turn off Cloud backup?"), "Stop on this device").click();
        BackupFlows.waitForStatus(page, "Not backed up");
        assertTrue(session().getBoolean("signedIn"), "still signed in: turning on needs only a passkey sign-in");

        page.js("window.fobVerified = 0; var send = window.fetch; window.fetch = function (url, init) {"
                + " if (String(url).indexOf('/api/signin/verify') >= 0) { window.fobVerified++;"
                + "  return Promise.resolve(new Response(JSON.stringify({error: 'bad_signature', message:"
                + "   \"The passkey's signature does not verify\"}), {status: 401, headers: {'Content-Type':"
                + "   'application/json'}})); }"
                + " return send.apply(this, arguments); };");
        WebElement toggle = page.byRole(settings, "switch", "Cloud backup");
        toggle.click();
        String error;
        try {
            error = page.waitFor(Duration.ofSeconds(20), () -> {
                String text = page.driver().findElement(By.id("backup-switch-error")).getText();
                return text.isEmpty() ? null : text;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("#backup-switch-error says nothing; the page shows " + page.describe(), e);
        }
        assertEquals(1L, ((Number) page.js("return window.fobVerified;")).longValue(), "one verification was made");
        assertTrue(error.startsWith("Cloud backup was not turned on."), error);
        assertTrue(error.contains("The passkey's signature does not verify"), error);
        assertFalse(page.byRole(settings, "switch", "Cloud backup").isSelected(), "the switch is back off");
        assertEquals("Not backed up", BackupFlows.status(page));
        assertFalse(page.isPresent(page.driver(), "dialog", "Recovery code"), "nothing was turned on");
    }
}
