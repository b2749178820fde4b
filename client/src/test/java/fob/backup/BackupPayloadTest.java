package fob.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.vault.Account;
import fob.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/formats.md, "The backup payload": the fixed examples of versions 2 and 3. */
class BackupPayloadTest {
    private static String fixed(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/fob/backup/" + name)).strip();
    }

    @Test
    void versionThreeCarriesGroupsAndWritesBackAsItWas() throws Exception {
        String text = fixed("payload-3.json");
        BackupPayload payload = BackupPayload.read(text.getBytes(StandardCharsets.UTF_8));
        Vault vault = payload.vault();
        assertEquals(4, payload.revision());
        assertEquals(1, vault.groups().size());
        assertEquals("Work", vault.groups().get(0).name());
        assertEquals(List.of("00g1"), vault.find("0001").groups());
        assertEquals(fob.vault.AccountIcon.LETTER, vault.find("0001").icon(), "icons are backed up");
        Account contoso = vault.find("0003");
        assertTrue(contoso.isPlaceholder(), "a work or school account travels without its secret");
        assertEquals(List.of("00g1"), contoso.groups(), "but in its groups");
        assertEquals(fob.vault.SortOrder.RECENTLY_USED, vault.settings().sortBy(), "the choice is backed up");
        assertTrue(vault.settings().hideCodesWhenHidden());
        assertEquals(text, new String(new BackupPayload(4, 1_700_000_000_500L, vault).toBytes(),
                StandardCharsets.UTF_8));
    }

    @Test
    void versionTwoStillReadsWithoutGroups() throws Exception {
        BackupPayload payload = BackupPayload.read(fixed("payload-2.json").getBytes(StandardCharsets.UTF_8));
        assertEquals(3, payload.revision());
        assertTrue(payload.vault().groups().isEmpty());
        assertEquals(1_700_000_000_400L, payload.vault().orderedAt());
        assertEquals("Deno", payload.vault().accounts().get(0).issuer());
    }

    @Test
    void theTimesOfUseStayOnTheDevice() throws Exception {
        Vault vault = BackupPayload.read(fixed("payload-3.json").getBytes(StandardCharsets.UTF_8)).vault();
        Vault used = vault.used("0001", 1_700_000_009_000L);
        assertTrue(BackupPayload.sameContent(vault, used), "copying a code uploads nothing");
        String written = new String(new BackupPayload(5, 1, used).toBytes(), StandardCharsets.UTF_8);
        assertFalse(written.contains("1700000009000"), written);
        assertFalse(written.contains("usedAt"), written);
    }

    @Test
    void aRenamedGroupIsAChangeToBackUp() throws Exception {
        Vault vault = BackupPayload.read(fixed("payload-3.json").getBytes(StandardCharsets.UTF_8)).vault();
        assertTrue(BackupPayload.sameContent(vault, vault));
        assertFalse(BackupPayload.sameContent(vault, vault.renameGroup("00g1", "Job", 1_700_000_001_000L)));
        assertFalse(BackupPayload.sameContent(vault, vault.setGroups("0001", List.of(), 1_700_000_001_000L)));
    }
}
