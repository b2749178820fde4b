package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.Fixtures;
import fob.e2e.support.GroupFlows;
import fob.e2e.support.VirtualAuthenticator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Issue 15: groups made, filtered by, renamed and deleted; kept by imports and by a restore. */
class GroupsTest extends BrowserTest {
    private static final String DENO = BackupRecoveryTest.DENO;
    private static final String SPDX = BackupRecoveryTest.SPDX;
    private static final String WWE = BackupRecoveryTest.WWE;

    @Test
    void groupsAreMadeFilteredByRenamedAndDeleted() {
        page.open();
        page.addLink(DENO, false);
        page.addLink(SPDX, false);
        page.addLink(WWE, false);
        assertEquals(List.of("All"), GroupFlows.filters(page));
        GroupFlows.newGroup(page, "Work");
        GroupFlows.newGroup(page, "Family");
        assertEquals(List.of("All", "Family", "Work"), GroupFlows.filters(page), "All first, then the groups by name");

        // A name another group has (in any case) is refused, and nothing changes.
        page.button("New group").click();
        WebElement dialog = page.dialog("New group");
        page.fill(dialog, "textbox", "Group name", "work");
        page.button(dialog, "Save group").click();
        WebElement field = page.byRole(dialog, "textbox", "Group name");
        page.waitFor(() -> page.errorFor(field).equals("There is already a group named Work"));
        page.button(dialog, "Cancel").click();
        assertEquals(List.of("All", "Family", "Work"), GroupFlows.filters(page));

        GroupFlows.putInGroups(page, "Deno", "Work");
        GroupFlows.putInGroups(page, "WWE", "Work", "Family");
        GroupFlows.showGroup(page, "Work");
        page.waitFor(() -> page.issuers().equals(List.of("Deno", "WWE")));
        GroupFlows.showGroup(page, "Family");
        page.waitFor(() -> page.issuers().equals(List.of("WWE")));
        // Search within the group shown.
        page.fill(page.driver(), "searchbox", "Search accounts", "Deno");
        page.waitFor(() -> page.issuers().isEmpty());
        assertTrue(page.driver().findElement(By.id("no-match")).getText().contains("in this group"));
        // As a person empties it (clear() sends no input event).
        page.byRole("searchbox", "Search accounts").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        GroupFlows.showGroup(page, "All");
        page.waitFor(() -> page.issuers().equals(List.of("Deno", "SPDX", "WWE")));

        // An account added while a group is shown goes in it.
        GroupFlows.showGroup(page, "Family");
        page.addLink(BackupRecoveryTest.BOEING, false);
        page.waitFor(() -> page.issuers().equals(List.of("WWE", "Boeing")));

        GroupFlows.showGroup(page, "Work");
        page.button("Rename group").click();
        WebElement rename = page.dialog("Rename group");
        page.fill(rename, "textbox", "Group name", "Job");
        page.button(rename, "Save group").click();
        page.waitFor(() -> GroupFlows.filters(page).equals(List.of("All", "Family", "Job")));
        // The renamed group is still the one shown.
        page.waitFor(() -> page.issuers().equals(List.of("Deno", "WWE")));

        GroupFlows.showGroup(page, "Family");
        page.button("Delete group").click();
        WebElement confirm = page.dialog("Delete the group Family?");
        page.button(confirm, "Delete group").click();
        page.waitFor(() -> GroupFlows.filters(page).equals(List.of("All", "Job")));
        // Its accounts stay, and the list shows All.
        page.waitFor(() -> page.issuers().equals(List.of("Deno", "SPDX", "WWE", "Boeing")));

        page.driver().navigate().refresh();
        page.waitFor(() -> page.button("Add account").isEnabled());
        assertEquals(List.of("All", "Job"), GroupFlows.filters(page), "groups are kept in the vault");
        page.account("WWE").button("Edit").click();
        WebElement edit = page.dialog("Edit account");
        WebElement choice = page.byRole(edit, "group", "Groups");
        List<String> boxes = new ArrayList<>();
        for (WebElement box : choice.findElements(By.cssSelector("input[type=checkbox]"))) {
            boxes.add(box.getAccessibleName().trim() + (box.isSelected() ? " (checked)" : ""));
        }
        assertEquals(List.of("Job (checked)"), boxes);
        assertEquals(List.of(), consoleProblems());
    }

    @Test
    void anAegisFileImportsWithItsGroups() {
        page.open();
        WebElement settings = BackupFlows.openSettings(page);
        page.button(settings, "Import").click();
        WebElement dialog = page.dialog("Import");
        page.byRole(dialog, "file", "File to import").sendKeys(
                Fixtures.path("aegis-importers/aegis_plain_grouped_v2.json").toString());
        page.button(dialog, "Preview").click();
        page.button(dialog, "Import selected").click();
        page.waitFor(() -> page.accounts().size() == 7);
        assertEquals(List.of("All", "group1", "group2"), GroupFlows.filters(page));
        GroupFlows.showGroup(page, "group1");
        page.waitFor(() -> page.issuers().equals(List.of("Deno", "Airbnb")));
        GroupFlows.showGroup(page, "group2");
        page.waitFor(() -> page.issuers().equals(List.of("Issuu")));
    }

    @Test
    void aRestoreOnAWipedBrowserBringsTheGroupsBack() {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(DENO, false);
        page.addLink(SPDX, false);
        GroupFlows.newGroup(page, "Work");
        GroupFlows.putInGroups(page, "SPDX", "Work");
        // And an icon chosen for Deno: its letter, not the set's Deno icon it would get by itself.
        page.account("Deno").button("Edit").click();
        page.button(page.dialog("Edit account"), "Use the letter").click();
        page.button(page.dialog("Edit account"), "Save").click();
        BackupFlows.createRecoveryAccount(page, "Grace");
        BackupFlows.closeSettings(page);

        BackupFlows.wipe(browser, server);
        page.open();
        assertFalse(page.driver().findElement(By.id("groups-bar")).isDisplayed(), "the browser forgot everything");
        BackupFlows.beginRecovery(page);
        page.waitFor(() -> page.accounts().size() == 2);
        assertEquals(List.of("All", "Work"), GroupFlows.filters(page));
        page.account("Deno").button("Edit").click();
        assertEquals("The first letter of the issuer.", page.driver().findElement(By.id("icon-state")).getText(),
                "the icon chosen came back");
        page.button(page.dialog("Edit account"), "Cancel").click();
        GroupFlows.showGroup(page, "Work");
        page.waitFor(() -> page.issuers().equals(List.of("SPDX")));
    }
}
