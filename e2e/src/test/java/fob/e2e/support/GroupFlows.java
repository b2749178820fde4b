package fob.e2e.support;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The groups' steps as a person takes them, for the tests to reuse. */
public final class GroupFlows {
    private GroupFlows() {
    }

    /** The filter buttons of the list "Groups", in order. */
    public static List<String> filters(FobPage page) {
        return page.waitFor(() -> {
            List<String> names = new ArrayList<>();
            for (WebElement button : page.byRole("list", "Groups").findElements(By.tagName("button"))) {
                names.add(button.getAccessibleName().trim());
            }
            return names;
        });
    }

    public static void newGroup(FobPage page, String name) {
        page.button("New group").click();
        WebElement dialog = page.dialog("New group");
        page.fill(dialog, "textbox", "Group name", name);
        page.button(dialog, "Save group").click();
        page.waitFor(() -> filters(page).contains(name));
    }

    public static void showGroup(FobPage page, String name) {
        WebElement button = page.button(page.byRole("list", "Groups"), name);
        button.click();
        page.waitFor(() -> "true".equals(page.button(page.byRole("list", "Groups"), name)
                .getAttribute("aria-pressed")));
    }

    public static void putInGroups(FobPage page, String issuer, String... groups) {
        page.account(issuer).button("Edit").click();
        WebElement dialog = page.dialog("Edit account");
        WebElement choice = page.byRole(dialog, "group", "Groups");
        for (WebElement box : choice.findElements(By.cssSelector("input[type=checkbox]"))) {
            boolean wanted = List.of(groups).contains(box.getAccessibleName().trim());
            if (box.isSelected() != wanted) {
                box.click();
            }
        }
        page.button(dialog, "Save").click();
        page.waitFor(() -> !dialog.isDisplayed());
    }
}
