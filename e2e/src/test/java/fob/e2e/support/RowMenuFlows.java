package fob.e2e.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.openqa.selenium.Keys;

/** The keyboard's way through an HOTP row's "More actions" menu, shared by the Chromium and engine paths. */
public final class RowMenuFlows {
    private RowMenuFlows() {
    }

    /** From the menu's first item: Down reaches Edit, End reaches Move down, and Down from there goes round. */
    public static void arrowsGoRound(FobPage page) {
        page.press(Keys.ARROW_DOWN);
        assertEquals("Edit", page.focused().getText());
        page.press(Keys.END);
        assertEquals("Move down", page.focused().getText());
        page.press(Keys.ARROW_DOWN);
        assertEquals("Next code", page.focused().getText(), "the arrows go round");
    }
}
