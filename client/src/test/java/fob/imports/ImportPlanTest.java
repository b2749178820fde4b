package fob.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.link.OtpAuthLink;
import fob.testing.Fixtures;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Settings;
import fob.vault.Vault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paste box's way through the plan ({@link ImportPlan#addAll}); the import dialog's is in ImportFileTest. */
class ImportPlanTest {
    private static Account account(String id, String link) throws Exception {
        return Account.fromLink(id, OtpAuthLink.parse(link), AccountKind.STANDARD, 1000);
    }

    @Test
    void addsWhatIsNewAndAccountsForTheRest() throws Exception {
        Vault start = Vault.EMPTY.add(account("x",
                "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno"));
        String text = Fixtures.text("aegis-importers/plain.txt") + "\notpauth://totp/broken?secret=1\n";
        ImportPlan plan = ImportPlan.of(start, LinkReader.read(text), AccountKind.WORK_OR_SCHOOL);
        ImportPlan.Added added = plan.addAll(start, 42);
        assertEquals(6, added.accounts().size());
        assertEquals(7, added.vault().accounts().size());
        assertEquals("x", added.vault().accounts().get(0).id(), "existing accounts keep their place");
        assertEquals("Deno (Mason)", plan.lines().get(0).entry.label());
        assertEquals(ImportPlan.Outcome.ALREADY_PRESENT, plan.lines().get(0).outcome);
        assertEquals(1, plan.count(ImportPlan.Outcome.ALREADY_PRESENT));
        assertEquals(1, plan.count(ImportPlan.Outcome.CANNOT_IMPORT));
        assertTrue(added.accounts().stream().allMatch(a -> a.kind() == AccountKind.WORK_OR_SCHOOL && a.created() == 42));
        assertTrue(added.summary().startsWith("Added 6 accounts. Already in Fob: Deno (Mason). Cannot add Line 9"),
                added.summary());
    }

    @Test
    void addingTheSameTextTwiceAddsNothingTheSecondTime() throws Exception {
        String text = Fixtures.text("aegis-importers/plain.txt");
        Vault once = ImportPlan.of(Vault.EMPTY, LinkReader.read(text), AccountKind.STANDARD).addAll(Vault.EMPTY, 1)
                .vault();
        ImportPlan.Added twice = ImportPlan.of(once, LinkReader.read(text), AccountKind.STANDARD).addAll(once, 2);
        assertEquals(0, twice.accounts().size());
        assertEquals(once, twice.vault());
        assertEquals("Nothing was added. Already in Fob (7): ", twice.summary().substring(0, 39));
    }

    @Test
    void oneNewAccountIsNamedAndTheSameSecretTwiceInOnePasteIsAddedOnce() throws Exception {
        String text = "otpauth://totp/Again:x?secret=JBSWY3DPEHPK3PXP\notpauth://totp/Twice:y?secret=JBSWY3DPEHPK3PXP";
        ImportPlan.Added added = ImportPlan.of(Vault.EMPTY, LinkReader.read(text), AccountKind.STANDARD)
                .addAll(Vault.EMPTY, 1);
        assertEquals(1, added.accounts().size());
        assertEquals("Added Again (x). Already in Fob: Twice (y).", added.summary());
    }

    @Test
    void thePasteBoxLeavesTheSourcesGroupsOut() throws Exception {
        String ente = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&codeDisplay="
                + "%7B%22pinned%22%3Afalse%2C%22tags%22%3A%5B%22Work%22%2C%22Dev%22%5D%7D";
        ImportPlan plan = ImportPlan.of(Vault.EMPTY, LinkReader.read(ente), AccountKind.STANDARD);
        ImportPlan.Added added = plan.addAll(Vault.EMPTY, 1);
        assertEquals(List.of(), added.vault().groups(), "no group of the source's is made");
        assertEquals(List.of(), added.accounts().get(0).groups());
        assertEquals(2, plan.apply(Vault.EMPTY, List.of(0), 1).groups().size(), "the import dialog makes them");
    }

    @Test
    void aFullVaultRefusesTheRestAndSaysWhy() throws Exception {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < Vault.MAX_ACCOUNTS - 1; i++) {
            accounts.add(new Account("a" + i, AccountKind.STANDARD, "Issuer " + i, "", account("x",
                    "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP").otp(), "", 1, 1));
        }
        Vault nearlyFull = new Vault(accounts, Settings.DEFAULTS);
        String text = "otpauth://totp/One:x?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ\n"
                + "otpauth://totp/Two:y?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU";
        ImportPlan.Added added = ImportPlan.of(nearlyFull, LinkReader.read(text), AccountKind.STANDARD)
                .addAll(nearlyFull, 2);
        assertEquals(1, added.accounts().size());
        assertEquals(Vault.MAX_ACCOUNTS, added.vault().accounts().size());
        assertEquals("Added One (x). Cannot add Two (y): Fob holds at most 10000 accounts.", added.summary());
    }
}
