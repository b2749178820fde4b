package fob.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.vault.Vault;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The keeper's answers to a stored record that lacks a field: unreadable, in words, and nothing written over it. */
class VaultKeeperTest {
    private final SimulatedBrowser browser = new SimulatedBrowser();
    private final long[] clock = {1000};

    private VaultRecord stored() throws Exception {
        VaultKeeper keeper = browser.newKeeper(clock);
        keeper.save(keeper.load().add(Accounts.named("Example", new Random(3), 1)));
        return browser.record;
    }

    private void assertUnreadableAndUntouched(String reason) throws Exception {
        VaultRecord damaged = browser.record;
        VaultKeeper keeper = browser.newKeeper(clock);
        UnreadableVaultException e = assertThrows(UnreadableVaultException.class, keeper::load);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(keeper.isUnreadable());
        assertThrows(UnreadableVaultException.class, () -> keeper.save(Vault.EMPTY));
        assertEquals(damaged, browser.record, "nothing was written over the record");
    }

    @Test
    void aRecordWithoutItsWrappedKeyIsUnreadable() throws Exception {
        VaultRecord record = stored();
        browser.record = VaultRecord.plain(record.revision(), record.keyNonce(), null, record.nonce(),
                record.ciphertext());
        assertUnreadableAndUntouched("the key this browser keeps for it does not open it");
    }

    @Test
    void aRecordWithoutItsKeyNonceIsUnreadable() throws Exception {
        VaultRecord record = stored();
        browser.record = VaultRecord.plain(record.revision(), null, record.wrappedKey(), record.nonce(),
                record.ciphertext());
        assertUnreadableAndUntouched("the key this browser keeps for it does not open it");
    }

    @Test
    void aRecordWithoutItsCiphertextIsUnreadable() throws Exception {
        VaultRecord record = stored();
        browser.record = VaultRecord.plain(record.revision(), record.keyNonce(), record.wrappedKey(), record.nonce(),
                null);
        assertUnreadableAndUntouched("its contents do not decrypt");
    }

    @Test
    void startingANewVaultKeepsTheIncompleteRecordAside() throws Exception {
        VaultRecord record = stored();
        VaultRecord incomplete = VaultRecord.plain(record.revision(), record.keyNonce(), record.wrappedKey(), null,
                record.ciphertext());
        browser.record = incomplete;
        VaultKeeper keeper = browser.newKeeper(clock);
        assertThrows(UnreadableVaultException.class, keeper::load);

        keeper.startOver(Vault.EMPTY);

        assertTrue(browser.aside.containsValue(incomplete));
        assertEquals(Vault.EMPTY.accounts(), browser.newKeeper(clock).load().accounts());
    }
}
