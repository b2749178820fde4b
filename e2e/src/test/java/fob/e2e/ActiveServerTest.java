package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.Header;
import fob.backup.SealedPasskeySlot;
import fob.backup.Slot;
import fob.crypto.BouncyCastleAead;
import fob.crypto.BouncyCastleEcdh;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.FobPage;
import fob.e2e.support.LostAnswers;
import fob.e2e.support.VirtualAuthenticator;
import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 23, the attacker in the model: whoever runs the server (or holds a session) can write any backup, and the
 * server's answers can be lost. The operator forges a backup under a key of their own, sealed to the person's passkey
 * slot, by writing the server's SQLite file; the page must refuse it in words, merge nothing and upload nothing the
 * forged key opens. A key rotation whose answer is lost is finished later, and its code shown again.
 */
class ActiveServerTest extends BrowserTest {
    private static final BackupCodec JVM = new BackupCodec(new BouncyCastleAead(), new BouncyCastleEcdh());
    private static final String ZANZIBAR = "otpauth://totp/Zanzibar%20Bank:quentin%40example.org?secret="
            + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Zanzibar%20Bank";
    private static final String REFUSED = "This backup was not made by your devices";

    /** A forged backup: the key the forger chose, and the envelope sealed under it. */
    private static final class Forgery {
        final byte[] key;
        final String body;

        Forgery(byte[] key, String body) {
            this.key = key;
            this.body = body;
        }
    }

    /**
     * What the operator makes of the genuine backup: a fresh key K sealed to the person's passkey slot (its public key
     * is all it takes), with the slot's genuine anchor kept, or stripped; a recovery-code slot for a code of the
     * forger's own; a new lineage; and under K one account, "Planted", at a high revision.
     */
    private static Forgery forge(Envelope genuine, boolean keepAnchor) throws Exception {
        byte[] key = JVM.newVaultKey();
        List<Slot> slots = new ArrayList<>();
        for (Slot slot : genuine.slots()) {
            if (slot instanceof SealedPasskeySlot) {
                SealedPasskeySlot resealed = JVM.resealed((SealedPasskeySlot) slot, key);
                assertTrue(resealed.hasAnchor(), "the genuine slot has an anchor, which resealing keeps");
                slots.add(keepAnchor ? resealed : new SealedPasskeySlot(resealed.credentialId(),
                        resealed.publicKey(), resealed.privateKeyNonce(), resealed.wrappedPrivateKey(),
                        resealed.ephemeralKey(), resealed.nonce(), resealed.wrappedKey()));
            }
        }
        assertEquals(1, slots.size(), "the backup has the passkey's sealed slot");
        slots.add(JVM.recoveryCodeSlot(key, JVM.newRecoveryCode()));
        OtpAuthLink planted = OtpAuthLink.parse("otpauth://totp/Planted:attacker?secret="
                + "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Planted");
        Vault vault = Vault.EMPTY.add(Account.fromLink("planted", planted, AccountKind.STANDARD,
                System.currentTimeMillis()));
        Envelope envelope = JVM.seal(key, new Header(Header.newLineage(new BouncyCastleAead()), slots),
                new BackupPayload(1000, System.currentTimeMillis(), vault).toBytes());
        assertTrue(new String(JVM.open(envelope, key), StandardCharsets.UTF_8).contains("Planted"),
                "K opens the forgery");
        return new Forgery(key, envelope.toJson());
    }

    /** Why the "Cloud backup" switch did not turn backup on, said next to it, once it says something. */
    private String switchError() {
        return errorIn("backup-switch-error");
    }

    /** The backup section's error (an action of Settings' backup part), once it says something. */
    private String backupError() {
        return errorIn("backup-error");
    }

    /** The error the element {@code id} shows, once it says something; a page that says nothing fails the test. */
    private String errorIn(String id) {
        try {
            return page.waitFor(Duration.ofSeconds(20), () -> {
                String text = page.driver().findElement(By.id(id)).getText();
                return text.isEmpty() ? null : text;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("#" + id + " says nothing within 20 s; the page shows " + page.describe()
                    + ", status '" + BackupFlows.status(page) + "', accounts " + page.issuers(), e);
        }
    }

    /**
     * Nothing on the server opens with the forger's key but the forgery itself: the page uploaded nothing sealed
     * under it (and, below, nothing at all: the versions are those there were).
     */
    private void assertNothingUploadedUnder(Forgery forgery) throws Exception {
        Map<Long, String> versions = BackupFlows.serverVersions(page);
        assertFalse(versions.isEmpty());
        List<String> bodies = new ArrayList<>(versions.values());
        bodies.add(BackupFlows.currentBackup(page));
        for (String body : bodies) {
            if (body.equals(forgery.body)) {
                continue;
            }
            Envelope envelope = Envelope.parse(body);
            assertThrows(BackupException.class, () -> JVM.open(envelope, forgery.key),
                    "an envelope on the server other than the forgery opens with the forger's key");
        }
    }

    private void assertNothingPlanted() {
        assertFalse(page.issuers().contains("Planted"), "the forged account is not in the list: " + page.issuers());
    }

    /**
     * The operator replaces the backup with a forgery sealed to the passkey's slot (its genuine anchor kept). The page
     * says the backup was deleted on another device; turning Cloud backup on again (a passkey ceremony) meets the
     * forgery and refuses it in words next to the switch: nothing is merged, nothing uploaded. With the anchor
     * stripped, the passkey cannot vouch for the key at all: the page asks for the recovery code, which the
     * person's code does not satisfy, and again nothing is merged or uploaded.
     */
    @Test
    void aForgedKeyIsRefusedWhenCloudBackupIsTurnedOnAgain() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        BackupFlows.addNumberedAccounts(page, 7);
        String code = BackupFlows.createRecoveryAccount(page, "Forged on again");
        BackupFlows.closeSettings(page);
        Envelope genuine = Envelope.parse(BackupFlows.currentBackup(page));
        assertEquals(5, Envelope.VERSION);

        Forgery forgery = forge(genuine, true);
        server.operatorWritesBackup("Forged on again", forgery.body);
        page.reload();
        BackupFlows.waitForStatus(page, "Backup deleted on another device");
        Map<Long, String> before = BackupFlows.serverVersions(page);

        WebElement settings = BackupFlows.openSettings(page);
        WebElement toggle = page.byRole(settings, "switch", "Cloud backup");
        assertFalse(toggle.isSelected());
        toggle.click();
        String error = switchError();
        assertTrue(error.contains(REFUSED + ": it was changed on the server"), error);
        assertTrue(error.startsWith("Cloud backup was not turned on."), error);
        assertFalse(page.byRole(settings, "switch", "Cloud backup").isSelected(), "the switch is back off");
        assertFalse(page.isPresent(page.driver(), "dialog", "Recover accounts"), "no restore was offered");
        assertNothingPlanted();
        assertEquals(7, page.accounts().size(), "the accounts here stay as they were");
        assertNothingUploadedUnder(forgery);
        assertEquals(before, BackupFlows.serverVersions(page), "nothing was uploaded at all");

        // The same forgery without the anchor: the passkey cannot vouch for its key, so only a recovery code could.
        Forgery stripped = forge(genuine, false);
        server.operatorWritesBackup("Forged on again", stripped.body);
        page.reload();
        BackupFlows.waitForStatus(page, "Backup deleted on another device");
        Map<Long, String> beforeStripped = BackupFlows.serverVersions(page);
        settings = BackupFlows.openSettings(page);
        toggle = page.byRole(settings, "switch", "Cloud backup");
        assertFalse(toggle.isSelected());
        toggle.click();
        WebElement recovery = page.dialog("Recover accounts");
        page.fill(recovery, "textbox", "Recovery code", code);
        page.button(recovery, "Restore").click();
        WebElement codeField = page.byRole(recovery, "textbox", "Recovery code");
        String codeError = page.waitFor(() -> page.errorFor(codeField).isEmpty() ? null : page.errorFor(codeField));
        assertTrue(codeError.contains("That recovery code does not open this backup"), codeError);
        page.button(recovery, "Cancel").click();
        assertNothingPlanted();
        assertEquals(7, page.accounts().size());
        assertNothingUploadedUnder(stripped);
        assertNothingUploadedUnder(forgery);
        assertEquals(beforeStripped, BackupFlows.serverVersions(page), "nothing was uploaded at all");
    }

    /**
     * The same forgery met on a new machine (the origin wiped; the synced passkey stays): Begin recovery and the
     * passkey sign-in refuse it in words, the vault stays empty, and an account added afterwards goes up under no key
     * of the forger's.
     */
    @Test
    void aForgedKeyIsRefusedByBeginRecovery() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        BackupFlows.addNumberedAccounts(page, 3);
        BackupFlows.createRecoveryAccount(page, "Forged recovery");
        BackupFlows.closeSettings(page);
        Forgery forgery = forge(Envelope.parse(BackupFlows.currentBackup(page)), true);
        server.operatorWritesBackup("Forged recovery", forgery.body);

        BackupFlows.wipe(browser, server);
        page.open();
        assertEquals(List.of(), page.issuers(), "a new machine");
        WebElement dialog = BackupFlows.beginRecovery(page);
        String error = errorIn("recovery-error");
        assertTrue(error.contains(REFUSED + ": it was changed on the server"), error);
        assertFalse(page.isPresent(dialog, "textbox", "Recovery code"), "nothing else was offered as a way in");
        assertEquals(0, page.accounts().size(), "the vault stays empty");
        Map<Long, String> before = BackupFlows.serverVersions(page);
        page.button(dialog, "Cancel").click();

        page.addLink(ZANZIBAR, false);
        assertEquals(List.of("Zanzibar Bank"), page.issuers());
        assertNothingPlanted();
        assertNothingUploadedUnder(forgery);
        assertEquals(before, BackupFlows.serverVersions(page), "nothing was uploaded");
    }

    /**
     * Settings, "Rotate keys": the server commits the rotation, but its answer is lost (the DevTools protocol fails
     * the response). The page says so; the old recovery code no longer opens the server's backup. Once answers come
     * through, a reload finishes the rotation and shows the new code again, which opens the server's newest backup;
     * after "I have saved it" and a reload it is not shown again.
     */
    @Test
    void aRotationWhoseAnswerIsLostIsFinishedAndItsCodeShownAgain() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(ZANZIBAR, false);
        String oldCode = BackupFlows.createRecoveryAccount(page, "Lost rotation");
        Envelope before = Envelope.parse(BackupFlows.currentBackup(page));
        JVM.vaultKeyFromRecoveryCode(before, oldCode);

        try (LostAnswers lost = LostAnswers.to(browser, server.url(), "*/api/backup/rotation")) {
            WebElement settings = BackupFlows.openSettings(page);
            page.button(settings, "Rotate keys").click();
            page.button(page.dialog("Rotate keys?"), "Rotate keys").click();
            String error = backupError();
            assertTrue(error.startsWith("The server did not answer the key rotation"), error);
            assertEquals(List.of("POST " + server.url() + "api/backup/rotation 200"), lost.lost(),
                    "the server committed the rotation; its answer was lost");
        }
        Envelope rotated = Envelope.parse(BackupFlows.currentBackup(page));
        assertNotEquals(before.toJson(), rotated.toJson());
        assertThrows(BackupException.class, () -> JVM.vaultKeyFromRecoveryCode(rotated, oldCode),
                "the old recovery code no longer opens the server's backup");

        page.reload();
        WebElement codeDialog = page.waitFor(Duration.ofSeconds(20), () -> page.dialog("Recovery code"));
        String newCode = BackupFlows.shownRecoveryCode(page);
        assertNotEquals(oldCode, newCode);
        String note = page.driver().findElement(By.id("code-note")).getText();
        assertTrue(note.startsWith("Fob showed you this recovery code before, but you have not confirmed that you"
                + " saved it"), note);
        Envelope newest = Envelope.parse(BackupFlows.currentBackup(page));
        String payload = new String(JVM.open(newest, JVM.vaultKeyFromRecoveryCode(newest, newCode)),
                StandardCharsets.UTF_8);
        assertTrue(payload.contains("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), "the new code opens the newest backup");

        page.button(codeDialog, "I have saved it").click();
        page.waitFor(() -> !page.isPresent(page.driver(), "dialog", "Recovery code"));
        page.reload();
        BackupFlows.waitForStatus(page, "Backup up to date");
        // A change and its upload: every status change offers an unsaved code, and none is offered.
        page.addLink("otpauth://totp/Quokka:yolanda?secret=ONSWG4TFORZWK3DDN5WWKZLY&issuer=Quokka", false);
        page.waitFor(Duration.ofSeconds(20), () -> {
            try {
                Envelope last = Envelope.parse(BackupFlows.currentBackup(page));
                return new String(JVM.open(last, JVM.vaultKeyFromRecoveryCode(last, newCode)),
                        StandardCharsets.UTF_8).contains("ONSWG4TFORZWK3DDN5WWKZLY");
            } catch (BackupException e) {
                throw new AssertionError("the new code does not open what was uploaded after", e);
            }
        });
        BackupFlows.waitForStatus(page, "Backup up to date");
        assertFalse(page.isPresent(page.driver(), "dialog", "Recovery code"), "the saved code is not shown again");
    }
}
