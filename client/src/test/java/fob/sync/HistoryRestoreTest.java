package fob.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Vault;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Restoring an earlier version from the backup history brings back its groups, as it had them. */
class HistoryRestoreTest {
    @Test
    void theVersionsGroupsComeBackAndOnesMadeSinceGo() throws Exception {
        Account deno = Account.fromLink("a1", OtpAuthLink.parse(
                "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno"), AccountKind.STANDARD, 1);
        Vault old = new Vault(List.of(deno), fob.vault.Settings.DEFAULTS).addGroup("g1", "Work", 10)
                .setGroups("a1", List.of("g1"), 11);
        Vault local = old.renameGroup("g1", "Job", 20).addGroup("g2", "Family", 21).deleteGroup("g1", 22)
                .addGroup("g3", "Banks", 23);
        Vault restored = HistoryRestore.apply(local, old, 1_000);
        assertEquals(1, restored.groups().size());
        assertEquals("Work", restored.group("g1").name(), "the version's name");
        assertTrue(restored.group("g1").updated() >= 1_000, "stamped now, so that it wins on the other devices");
        assertFalse(restored.tombstones().containsKey("g1"), "its deletion since is undone");
        assertEquals(1_000L, restored.tombstones().get("g3"), "a group made since is deleted");
        assertEquals(List.of("g1"), restored.find("a1").groups());
    }
}
