package fob.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.BackupCodec;
import fob.backup.BackupPayload;
import fob.crypto.BouncyCastleAead;
import fob.link.OtpAuthLink;
import fob.testing.Fixtures;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Group;
import fob.vault.Settings;
import fob.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Importers keep the groups (Aegis groups, 2FAS groups, Ente tags, Bitwarden folders) that the source had. */
class GroupImportsTest {
    private static Map<String, List<String>> groupsByIssuer(List<ImportEntry> entries) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ImportEntry entry : entries) {
            groups.put(entry.account().issuer(), entry.groups());
        }
        return groups;
    }

    private static List<Integer> all(ImportPlan plan) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < plan.lines().size(); i++) {
            all.add(i);
        }
        return all;
    }

    @Test
    void aegisVersionTwoGroupsFromTheFixture() throws Exception {
        ImportFile file = ImportFile.read(Fixtures.text("aegis-importers/aegis_plain_grouped_v2.json"));
        Map<String, List<String>> groups = groupsByIssuer(file.entries());
        assertEquals(List.of("group1"), groups.get("Deno"));
        assertEquals(List.of("group1"), groups.get("Airbnb"));
        assertEquals(List.of("group2"), groups.get("Issuu"));
        assertEquals(List.of(), groups.get("SPDX"));

        Vault vault = ImportPlan.of(Vault.EMPTY, file.entries()).apply(Vault.EMPTY, all(ImportPlan.of(Vault.EMPTY,
                file.entries())), 5);
        assertEquals(2, vault.groups().size(), "one group per name, however many accounts are in it");
        Group group1 = vault.groupNamed("group1");
        int inGroup1 = 0;
        for (Account account : vault.accounts()) {
            inGroup1 += account.groups().contains(group1.id()) ? 1 : 0;
        }
        assertEquals(2, inGroup1);
    }

    @Test
    void aegisVersionThreeNamesGroupsByUuid() throws Exception {
        String file = "{\"version\":1,\"header\":{\"slots\":null,\"params\":null},\"db\":{\"version\":3,"
                + "\"groups\":[{\"uuid\":\"u-1\",\"name\":\"Work\"},{\"uuid\":\"u-2\",\"name\":\"Games\"}],"
                + "\"entries\":[{\"type\":\"totp\",\"name\":\"Mason\",\"issuer\":\"Deno\",\"groups\":[\"u-2\",\"u-1\","
                + "\"u-gone\"],\"info\":{\"secret\":\"4SJHB4GSD43FZBAI7C2HLRJGPQ\",\"algo\":\"SHA1\",\"digits\":6,"
                + "\"period\":30}}]}}";
        assertEquals(List.of("Games", "Work"), ImportFile.read(file).entries().get(0).groups(),
                "a uuid that names no group is dropped");
    }

    @Test
    void twoFasGroupsEvenWhenTheServicesAreEncrypted() throws Exception {
        String plain = "{\"schemaVersion\":4,\"groups\":[{\"id\":\"g-1\",\"name\":\"Banks\",\"isExpanded\":true}],"
                + "\"services\":[{\"name\":\"Deno\",\"secret\":\"4SJHB4GSD43FZBAI7C2HLRJGPQ\",\"groupId\":\"g-1\","
                + "\"otp\":{\"account\":\"Mason\",\"issuer\":\"Deno\",\"digits\":6,\"period\":30,\"algorithm\":\"SHA1\","
                + "\"tokenType\":\"TOTP\"}},{\"name\":\"SPDX\",\"secret\":\"5OM4WOOGPLQEF6UGN3CPEOOLWU\","
                + "\"otp\":{\"account\":\"James\",\"issuer\":\"SPDX\",\"tokenType\":\"TOTP\"}}]}";
        Map<String, List<String>> groups = groupsByIssuer(ImportFile.read(plain).entries());
        assertEquals(List.of("Banks"), groups.get("Deno"));
        assertEquals(List.of(), groups.get("SPDX"));
    }

    @Test
    void bitwardenFoldersAndEnteTags() throws Exception {
        String bitwarden = "{\"encrypted\":false,\"folders\":[{\"id\":\"f-1\",\"name\":\"Personal\"}],\"items\":["
                + "{\"name\":\"Deno\",\"folderId\":\"f-1\",\"login\":{\"totp\":\"otpauth://totp/Deno:Mason?secret="
                + "4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno\"}},{\"name\":\"SPDX\",\"folderId\":null,\"login\":{\"totp\":"
                + "\"5OM4WOOGPLQEF6UGN3CPEOOLWU\"}}]}";
        Map<String, List<String>> folders = groupsByIssuer(ImportFile.read(bitwarden).entries());
        assertEquals(List.of("Personal"), folders.get("Deno"));
        assertEquals(List.of(), folders.get("SPDX"));

        String ente = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&codeDisplay="
                + "%7B%22pinned%22%3Afalse%2C%22tags%22%3A%5B%22Work%22%2C%22Dev%22%5D%7D\n"
                + "otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&codeDisplay=broken\n";
        Map<String, List<String>> tags = groupsByIssuer(ImportFile.read(ente).entries());
        assertEquals(List.of("Work", "Dev"), tags.get("Deno"));
        assertEquals(List.of(), tags.get("SPDX"), "an unreadable codeDisplay is an extra, not a failure");
        // Ente's own export of the fixtures: its tags are empty lists.
        for (ImportEntry entry : ImportFile.read(Fixtures.text("aegis-importers/ente_auth.txt")).entries()) {
            assertEquals(List.of(), entry.groups());
        }
    }

    @Test
    void importedGroupsJoinTheGroupOfTheSameNameOrMakeOne() throws Exception {
        Vault vault = Vault.EMPTY.addGroup("mine", "banks", 1);
        String plain = "{\"schemaVersion\":4,\"groups\":[{\"id\":\"g-1\",\"name\":\"Banks\"},{\"id\":\"g-2\","
                + "\"name\":\"Games\"}],\"services\":[{\"name\":\"Deno\",\"secret\":\"4SJHB4GSD43FZBAI7C2HLRJGPQ\","
                + "\"groupId\":\"g-1\",\"otp\":{\"issuer\":\"Deno\",\"tokenType\":\"TOTP\"}},{\"name\":\"SPDX\","
                + "\"secret\":\"5OM4WOOGPLQEF6UGN3CPEOOLWU\",\"groupId\":\"g-2\",\"otp\":{\"issuer\":\"SPDX\"}}]}";
        // Across the worker boundary, as the page gets them.
        List<ImportEntry> entries = ImportEntries.fromJson(ImportEntries.toJson(ImportFile.read(plain).entries()));
        ImportPlan plan = ImportPlan.of(vault, entries);
        Vault imported = plan.apply(vault, all(plan), 10);
        assertEquals(2, imported.groups().size());
        assertEquals(List.of("mine"), imported.accounts().get(0).groups(), "Banks is the group banks already here");
        assertEquals(List.of(imported.groupNamed("Games").id()), imported.accounts().get(1).groups());
    }

    @Test
    void aFobExportKeepsItsGroupsByName() throws Exception {
        Account deno = Account.fromLink("a1", OtpAuthLink.parse(
                "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno"), AccountKind.STANDARD, 1);
        Vault exported = new Vault(List.of(deno), Settings.DEFAULTS).addGroup("g1", "Work", 1)
                .addGroup("g2", "Old", 1).setGroups("a1", List.of("g1", "g2"), 2).deleteGroup("g2", 3);
        BackupCodec codec = new BackupCodec(new BouncyCastleAead());
        byte[] key = codec.newVaultKey();
        byte[] salt = java.util.Arrays.copyOf(codec.newRecoveryCode(), 16);
        byte[] passwordKey = new BouncyCastleKdf().argon2id("correct horse".getBytes(StandardCharsets.UTF_8), salt,
                64, 1, 1, 32);
        String export = codec.seal(key, List.of(codec.passwordSlot(key, passwordKey, 64, 1, 1, salt)),
                BackupPayload.export(exported, 5).toBytes()).toJson();
        List<ImportEntry> entries = ImportFile.read(export).decrypt("correct horse", new BouncyCastleKdf(),
                new BouncyCastleAead());
        assertEquals(List.of("Work"), entries.get(0).groups(), "a deleted group is not brought back");
        Vault elsewhere = Vault.EMPTY.addGroup("w", "Work", 1);
        ImportPlan plan = ImportPlan.of(elsewhere, entries);
        Vault imported = plan.apply(elsewhere, all(plan), 10);
        assertEquals(List.of("w"), imported.find("a1").groups());
        assertTrue(imported.groupNamed("Old") == null);
    }
}
