package fob.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fob.vault.AccountIcon;
import fob.vault.Vault;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aegis keeps an icon image per entry; the import carries it to the page, which draws it anew. */
class IconImportsTest {
    /** A 1-pixel PNG. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private static String aegis(String icon, String mime) {
        return "{\"version\":1,\"header\":{\"slots\":null,\"params\":null},\"db\":{\"version\":2,\"entries\":["
                + "{\"type\":\"totp\",\"name\":\"Mason\",\"issuer\":\"Deno\",\"icon\":" + icon + ",\"icon_mime\":"
                + mime + ",\"info\":{\"secret\":\"4SJHB4GSD43FZBAI7C2HLRJGPQ\",\"algo\":\"SHA1\",\"digits\":6,"
                + "\"period\":30}}]}}";
    }

    @Test
    void anAegisIconCrossesToThePageAsItWas() throws Exception {
        List<ImportEntry> entries = ImportFile.read(aegis("\"" + PNG + "\"", "\"image/png\"")).entries();
        assertArrayEquals(Base64.getDecoder().decode(PNG), entries.get(0).iconImage());
        assertEquals("image/png", entries.get(0).iconType());
        ImportEntry passed = ImportEntries.fromJson(ImportEntries.toJson(entries)).get(0);
        assertArrayEquals(Base64.getDecoder().decode(PNG), passed.iconImage(), "through the worker's JSON");
        assertEquals("image/png", passed.iconType());

        assertNull(ImportFile.read(aegis("null", "null")).entries().get(0).iconImage());
        assertNull(ImportFile.read(aegis("\"not base64!\"", "\"image/png\"")).entries().get(0).iconImage(),
                "a damaged icon is left out, the account is not");
    }

    @Test
    void theIconThePageDrewBecomesTheAccounts() throws Exception {
        List<ImportEntry> entries = ImportFile.read(aegis("\"" + PNG + "\"", "\"image/png\"")).entries();
        ImportPlan plan = ImportPlan.of(Vault.EMPTY, entries);
        AccountIcon drawn = AccountIcon.image(Base64.getDecoder().decode(PNG));
        Vault vault = plan.apply(Vault.EMPTY, List.of(0), 5, Map.of(0, drawn));
        assertEquals(drawn, vault.accounts().get(0).icon());
        assertEquals(AccountIcon.AUTOMATIC, plan.apply(Vault.EMPTY, List.of(0), 5).accounts().get(0).icon(),
                "without a drawn icon, the automatic one");
    }

    /** 2FAS's export of the fixtures shows every service by a text label: each stays a letter. */
    @Test
    void twoFasLabelsStayLetters() throws Exception {
        List<ImportEntry> entries = ImportFile.read(fob.testing.Fixtures.text(
                "aegis-importers/2fas_authenticator_plain_v4.2fas")).entries();
        List<ImportEntry> passed = ImportEntries.fromJson(ImportEntries.toJson(entries));
        ImportPlan plan = ImportPlan.of(Vault.EMPTY, passed);
        List<Integer> all = new java.util.ArrayList<>();
        for (int i = 0; i < plan.lines().size(); i++) {
            if (plan.lines().get(i).outcome == ImportPlan.Outcome.ADD) {
                all.add(i);
            }
        }
        Vault vault = plan.apply(Vault.EMPTY, all, 5);
        assertEquals(5, vault.accounts().size());
        for (fob.vault.Account account : vault.accounts()) {
            assertEquals(AccountIcon.LETTER, account.icon(), account.issuer());
        }
        String collection = "{\"schemaVersion\":4,\"services\":[{\"name\":\"Deno\",\"secret\":"
                + "\"4SJHB4GSD43FZBAI7C2HLRJGPQ\",\"icon\":{\"selected\":\"IconCollection\"},\"otp\":{\"issuer\":"
                + "\"Deno\"}}]}";
        assertEquals(false, ImportFile.read(collection).entries().get(0).letterIcon(),
                "an icon of 2FAS's collection: the automatic icon stands in");
    }
}
