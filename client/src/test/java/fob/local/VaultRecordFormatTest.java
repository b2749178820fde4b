package fob.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fob.vault.Vault;
import fob.vault.VaultJson;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The vault record's format (docs/formats.md, "The vault record in IndexedDB") pinned with the JDK's own AES-GCM and
 * the documented associated data, not with the keeper's code: a record made by hand opens, and a record the keeper
 * writes opens by hand.
 */
class VaultRecordFormatTest {
    private static final byte[] KEY_DATA = "fob vault key v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VAULT_DATA = "fob vault v1".getBytes(StandardCharsets.US_ASCII);

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] data, byte[] input) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(data);
        return cipher.doFinal(input);
    }

    private static byte[] bytes(int length, int from) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }

    @Test
    void aFormat1RecordMadeByHandOpensWithTheDeviceKey() throws Exception {
        byte[] deviceKey = bytes(32, 1);
        byte[] vaultKey = bytes(32, 100);
        byte[] keyNonce = bytes(12, 200);
        byte[] nonce = bytes(12, 220);
        String json = VaultJson.write(new Vault(java.util.List.of(Accounts.named("Example", new Random(1), 1000)),
                fob.vault.Settings.DEFAULTS));
        SimulatedBrowser browser = new SimulatedBrowser();
        browser.deviceKey = new SimulatedBrowser.SimulatedKey(deviceKey);
        browser.record = VaultRecord.plain(7, keyNonce, gcm(Cipher.ENCRYPT_MODE, deviceKey, keyNonce, KEY_DATA,
                vaultKey), nonce, gcm(Cipher.ENCRYPT_MODE, vaultKey, nonce, VAULT_DATA,
                json.getBytes(StandardCharsets.UTF_8)));

        Vault read = browser.newKeeper(new long[] {0}).load();

        assertEquals(java.util.List.of("Example"), Accounts.issuers(read));
    }

    @Test
    void aRecordTheKeeperWritesOpensByHandUnderTheDocumentedData() throws Exception {
        SimulatedBrowser browser = new SimulatedBrowser();
        VaultKeeper keeper = browser.newKeeper(new long[] {0});
        Vault vault = keeper.load().add(Accounts.named("Example", new Random(2), 1000));
        keeper.save(vault);

        VaultRecord record = browser.record;
        assertEquals(VaultRecord.PLAIN, record.format());
        assertEquals(1, record.revision());
        assertNull(record.lock());
        byte[] vaultKey = gcm(Cipher.DECRYPT_MODE, browser.deviceKeyBytes(), record.keyNonce(), KEY_DATA,
                record.wrappedKey());
        assertArrayEquals(vaultKey, keeper.exportVaultKey());
        String json = new String(gcm(Cipher.DECRYPT_MODE, vaultKey, record.nonce(), VAULT_DATA, record.ciphertext()),
                StandardCharsets.UTF_8);
        assertEquals(java.util.List.of("Example"), Accounts.issuers(VaultJson.read(json)));
    }
}
