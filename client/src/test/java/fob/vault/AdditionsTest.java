package fob.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.imports.LinkReader;
import fob.testing.Fixtures;
import org.junit.jupiter.api.Test;

class AdditionsTest {
    @Test
    void addsWhatIsNewAndAccountsForTheRest() throws Exception {
        Vault start = Vault.EMPTY.add(VaultTest.account("x",
                "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno"));
        String text = Fixtures.text("aegis-importers/plain.txt") + "\notpauth://totp/broken?secret=1\n";
        Additions additions = Additions.plan(start, LinkReader.read(text), AccountKind.WORK_OR_SCHOOL, 42);
        assertEquals(6, additions.added().size());
        assertEquals(7, additions.vault().accounts().size());
        assertEquals("x", additions.vault().accounts().get(0).id(), "existing accounts keep their place");
        assertEquals("[Deno (Mason)]", additions.alreadyPresent().toString());
        assertEquals(1, additions.problems().size());
        assertTrue(additions.added().stream().allMatch(a -> a.kind() == AccountKind.WORK_OR_SCHOOL && a.created() == 42));
        assertTrue(additions.summary().startsWith("Added 6 accounts. Already in Fob: Deno (Mason). Cannot add Line 9"),
                additions.summary());
    }

    @Test
    void addingTheSameTextTwiceAddsNothingTheSecondTime() throws Exception {
        String text = Fixtures.text("aegis-importers/plain.txt");
        Vault once = Additions.plan(Vault.EMPTY, LinkReader.read(text), AccountKind.STANDARD, 1).vault();
        Additions twice = Additions.plan(once, LinkReader.read(text), AccountKind.STANDARD, 2);
        assertEquals(0, twice.added().size());
        assertEquals(once, twice.vault());
        assertEquals("Nothing was added. Already in Fob (7): ", twice.summary().substring(0, 39));
    }
}
