package fob.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.link.OtpAuthLink;
import fob.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VaultJsonTest {
    @Test
    void roundTripsTheFixtureAccountsInOrderWithSettings() throws Exception {
        List<Account> accounts = new ArrayList<>();
        int i = 0;
        for (String link : Fixtures.accountLinks()) {
            AccountKind kind = i % 3 == 0 ? AccountKind.WORK_OR_SCHOOL : AccountKind.STANDARD;
            accounts.add(Account.fromLink("id" + i, OtpAuthLink.parse(link), kind, 1_700_000_000_000L + i)
                    .edited(kind, "Issuer " + i, "<b>name</b> \"" + i + "\"", OtpAuthLink.parse(link).parameters(),
                            "note ü " + i, 1_800_000_000_000L + i));
            i++;
        }
        accounts.add(new Account("placeholder", AccountKind.WORK_OR_SCHOOL, "Contoso", "ann@contoso.com", null, "",
                1, 2));
        Vault vault = new Vault(accounts, new Settings(true));
        String json = VaultJson.write(vault);
        assertEquals(vault, VaultJson.read(json));
        assertEquals(json, VaultJson.write(VaultJson.read(json)));
    }

    @Test
    void emptyVaultRoundTrips() throws Exception {
        assertEquals(Vault.EMPTY, VaultJson.read(VaultJson.write(Vault.EMPTY)));
    }

    @Test
    void refusesDamagedOrForeignData() {
        assertThrows(VaultException.class, () -> VaultJson.read("not json"));
        assertThrows(VaultException.class, () -> VaultJson.read("{}"));
        assertThrows(VaultException.class, () -> VaultJson.read("{\"format\":\"fob-vault\",\"version\":1}"));
        VaultException newer = assertThrows(VaultException.class,
                () -> VaultJson.read("{\"format\":\"fob-vault\",\"version\":4,\"accounts\":[],\"settings\":{}}"));
        assertTrue(newer.getMessage().contains("newer Fob"));
        VaultException badSecret = assertThrows(VaultException.class, () -> VaultJson.read(
                "{\"format\":\"fob-vault\",\"version\":1,\"settings\":{},\"accounts\":[{\"id\":\"x\",\"kind\":\"standard\","
                + "\"issuer\":\"\",\"name\":\"n\",\"type\":\"totp\",\"secret\":\"1\",\"algorithm\":\"SHA1\",\"digits\":6,"
                + "\"period\":30,\"counter\":0,\"created\":0,\"updated\":0}]}"));
        assertTrue(badSecret.getMessage().contains("account x"), badSecret.getMessage());
    }

    @Test
    void theJsonHoldsNoHtmlAndTheSecretOnlyAsBase32() throws Exception {
        Vault vault = Vault.EMPTY.add(Account.fromLink("a", OtpAuthLink.parse(
                "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"), AccountKind.STANDARD, 5));
        String json = VaultJson.write(vault);
        assertTrue(json.contains("\"secret\":\"JBSWY3DPEHPK3PXP\""), json);
        assertFalse(json.contains("Hello"), json);
    }

    /** docs/formats.md: the fixed examples of both vault versions read, and version 2 writes back as it was. */
    @Test
    void bothVersionsOfTheFixedExamplesRead() throws Exception {
        Vault one = VaultJson.read(java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/fob/vault/vault-1.json")).strip());
        assertEquals("Deno", one.accounts().get(0).issuer());
        assertEquals(1_699_999_999_999L, one.tombstones().get("0009"));
        assertTrue(one.recentlyDeleted().isEmpty());
        assertEquals(0, one.orderedAt());

        String text = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/fob/vault/vault-2.json")).strip();
        Vault two = VaultJson.read(text);
        assertEquals(1, two.recentlyDeleted().size());
        fob.vault.Deleted contoso = two.recentlyDeleted().get(0);
        assertEquals("Contoso", contoso.account().issuer());
        assertTrue(contoso.onAnotherDevice() && contoso.keptUntilDeletedHere(), "a work account from elsewhere");
        assertEquals(1_700_000_000_400L, two.orderedAt());
        assertTrue(two.groups().isEmpty());
        assertEquals(text.replace("\"version\":2", "\"version\":3"),
                VaultJson.write(two).replace(",\"groups\":[]", ""), "version 2 reads as version 3 without groups");
    }

    /** docs/formats.md: version 3 adds groups; its fixed example reads, and writes back as it was. */
    @Test
    void versionThreeHoldsGroups() throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/fob/vault/vault-3.json")).strip();
        Vault three = VaultJson.read(text);
        assertEquals(2, three.groups().size());
        Group family = three.groups().get(0);
        Group work = three.groups().get(1);
        assertEquals("Family", family.name(), "by name");
        assertEquals("00g2", family.id());
        assertEquals("Work", work.name());
        assertEquals(1_700_000_000_040L, work.created());
        assertEquals(1_700_000_000_200L, work.updated());
        assertEquals(List.of("00g1", "00g2"), three.find("0001").groups());
        assertEquals(List.of(), three.find("0002").groups());
        assertEquals(AccountIcon.fromSet("deno"), three.find("0001").icon(), "an icon chosen from the set");
        AccountIcon own = three.find("0002").icon();
        assertEquals(AccountIcon.Kind.IMAGE, own.kind());
        assertEquals(0x89, own.png()[0] & 0xff);
        assertEquals(70, own.png().length, "a 1-pixel PNG, as written");
        assertEquals(1_700_000_000_300L, three.tombstones().get("00g3"), "a deleted group's tombstone");
        assertEquals(SortOrder.ISSUER, three.settings().sortBy());
        assertEquals(java.util.Map.of("0001", 1_700_000_000_600L, "0002", 1_700_000_000_700L), three.usedAt());
        assertEquals(List.of("0002", "0001"), ids(SortOrder.RECENTLY_USED.sort(three)), "the code copied last first");
        assertEquals(text, VaultJson.write(three), "version 3 is what Fob writes");
    }

    private static List<String> ids(List<Account> accounts) {
        List<String> ids = new ArrayList<>();
        for (Account account : accounts) {
            ids.add(account.id());
        }
        return ids;
    }

    @Test
    void groupsOfTheWrongShapeAreRefused() {
        String good = "{\"format\":\"fob-vault\",\"version\":3,\"accounts\":[],\"settings\":{},\"groups\":%s}";
        assertThrows(VaultException.class, () -> VaultJson.read(String.format(good, "[{\"id\":\"g\",\"name\":\"\","
                + "\"created\":1,\"updated\":1}]")), "a blank name");
        assertThrows(VaultException.class, () -> VaultJson.read(String.format(good, "[{\"id\":7,\"name\":\"A\","
                + "\"created\":1,\"updated\":1}]")), "an id that is not text");
        assertThrows(VaultException.class, () -> VaultJson.read(String.format(good, "{}")), "not a list");
        String account = "{\"format\":\"fob-vault\",\"version\":3,\"accounts\":[{\"id\":\"a\",\"kind\":\"standard\","
                + "\"issuer\":\"A\",\"name\":\"\",\"created\":1,\"updated\":1,\"groups\":[1]}],\"settings\":{}}";
        assertThrows(VaultException.class, () -> VaultJson.read(account), "a group named by a number");
        assertThrows(VaultException.class, () -> VaultJson.read(good.replace("\"version\":3", "\"version\":4")
                .replace("%s", "[]")), "a newer version");
    }
}
