package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.vault.AccountIcon;
import org.junit.jupiter.api.Test;

class AccountDialogModeTest {
    @Test
    void addingOffersEverything() {
        assertEquals("Add account", AccountDialogMode.ADDING.title());
        assertTrue(AccountDialogMode.ADDING.takesLinks());
        assertTrue(AccountDialogMode.ADDING.showsDetails());
        assertEquals("Enter manually", AccountDialogMode.ADDING.detailsTitle());
    }

    @Test
    void editingShowsTheDetailsOnly() {
        assertEquals("Edit account", AccountDialogMode.EDITING.title());
        assertFalse(AccountDialogMode.EDITING.takesLinks());
        assertTrue(AccountDialogMode.EDITING.showsDetails());
        assertEquals("Details", AccountDialogMode.EDITING.detailsTitle());
    }

    @Test
    void finishingSetupTakesALinkOrQrCodeOnly() {
        assertEquals("Finish setup", AccountDialogMode.FINISHING.title());
        assertTrue(AccountDialogMode.FINISHING.takesLinks());
        assertFalse(AccountDialogMode.FINISHING.showsDetails());
    }

    @Test
    void theIconChosenIsDescribed() throws Exception {
        assertEquals("From Fob's icons: GitHub.", IconChoice.describe(AccountIcon.fromSet("github"), "GitHub"));
        assertEquals("From Fob's icons: github.", IconChoice.describe(AccountIcon.fromSet("github"), ""));
        assertEquals("The first letter of the issuer.", IconChoice.describe(AccountIcon.LETTER, ""));
        assertEquals("Your own image.", IconChoice.describe(AccountIcon.image(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}), ""));
        assertEquals("Automatic: the issuer's icon when Fob has one, else its first letter.",
                IconChoice.describe(AccountIcon.AUTOMATIC, ""));
    }
}
