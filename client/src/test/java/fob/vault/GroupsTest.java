package fob.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.link.OtpAuthLink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups in the vault: made, renamed and deleted by the person; an account in any number of them. */
class GroupsTest {
    private static Vault withDeno() throws Exception {
        return Vault.EMPTY.add(Account.fromLink("a1", OtpAuthLink.parse(
                "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno"), AccountKind.STANDARD, 10));
    }

    @Test
    void groupsAreKeptByNameWhateverTheirCase() throws Exception {
        Vault vault = Vault.EMPTY.addGroup("g1", "work", 1).addGroup("g2", " Family ", 2).addGroup("g3", "Banks", 3);
        assertEquals(List.of("Banks", "Family", "work"), names(vault));
        assertEquals("g2", vault.groupNamed("FAMILY").id());
    }

    @Test
    void aNameIsNeededAndTwoGroupsMayNotShareOne() throws Exception {
        Vault vault = Vault.EMPTY.addGroup("g1", "Work", 1);
        assertEquals("Enter a name for the group",
                assertThrows(VaultException.class, () -> vault.addGroup("g2", "  ", 2)).getMessage());
        assertEquals("There is already a group named Work",
                assertThrows(VaultException.class, () -> vault.addGroup("g2", "WORK", 2)).getMessage());
        assertTrue(assertThrows(VaultException.class, () -> vault.addGroup("g2", "x".repeat(51), 2)).getMessage()
                .contains("at most 50 characters"));
        assertEquals("WORK", vault.renameGroup("g1", "WORK", 3).group("g1").name(), "its own name in another case");
    }

    @Test
    void renamingChangesTheGroupAndNoAccount() throws Exception {
        Vault vault = withDeno().addGroup("g1", "Work", 1);
        vault = vault.setGroups("a1", List.of("g1"), 20);
        Account before = vault.find("a1");
        Vault renamed = vault.renameGroup("g1", "Job", 30);
        assertEquals("Job", renamed.group("g1").name());
        assertEquals(30, renamed.group("g1").updated());
        assertSame(before, renamed.find("a1"));
        assertEquals(List.of("Job"), names(renamed.groupsOf(renamed.find("a1"))));
    }

    @Test
    void deletingAGroupKeepsItsAccountsAndLeavesATombstone() throws Exception {
        Vault vault = withDeno().addGroup("g1", "Work", 1).addGroup("g2", "Family", 1);
        vault = vault.setGroups("a1", List.of("g2", "g1"), 20);
        assertEquals(List.of("g1", "g2"), vault.find("a1").groups(), "kept sorted");
        Vault deleted = vault.deleteGroup("g1", 30);
        assertEquals(1, deleted.accounts().size());
        assertNull(deleted.group("g1"));
        assertEquals(30L, deleted.tombstones().get("g1"));
        assertEquals(List.of("Family"), names(deleted.groupsOf(deleted.find("a1"))), "the deleted one names nothing");
        assertEquals(deleted.find("a1"), vault.find("a1"), "no account changed");
        assertThrows(VaultException.class, () -> deleted.setGroups("a1", List.of("g1"), 40));
        assertThrows(VaultException.class, () -> deleted.addGroup("g1", "Work", 40), "a deleted id is not reused");
    }

    @Test
    void puttingAnAccountInTheGroupsItIsInChangesNothing() throws Exception {
        Vault vault = withDeno().addGroup("g1", "Work", 1).setGroups("a1", List.of("g1"), 20);
        assertSame(vault, vault.setGroups("a1", List.of("g1"), 30));
        Vault moved = vault.setGroups("a1", List.of(), 30);
        assertEquals(List.of(), moved.find("a1").groups());
        assertEquals(30, moved.find("a1").updated(), "a change of groups is an edit, so that it reaches other devices");
    }

    @Test
    void atMostTwoHundredGroups() throws Exception {
        Vault vault = Vault.EMPTY;
        for (int i = 0; i < Vault.MAX_GROUPS; i++) {
            vault = vault.addGroup("g" + i, "Group " + i, i);
        }
        Vault full = vault;
        assertEquals("Fob holds at most 200 groups",
                assertThrows(VaultException.class, () -> full.addGroup("x", "One more", 1)).getMessage());
    }

    private static List<String> names(Vault vault) {
        return names(vault.groups());
    }

    private static List<String> names(List<Group> groups) {
        List<String> names = new java.util.ArrayList<>();
        for (Group group : groups) {
            names.add(group.name());
        }
        return names;
    }
}
