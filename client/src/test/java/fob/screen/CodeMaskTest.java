package fob.screen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.vault.Settings;
import org.junit.jupiter.api.Test;

class CodeMaskTest {
    @Test
    void nothingIsMaskedUnlessThePersonChoseIt() {
        CodeMask mask = new CodeMask();
        assertFalse(mask.masked("a", 1));
        assertFalse(mask.clickReveals("a", 1), "a click copies");
    }

    @Test
    void hiddenUntilClickedACodeShowsOnceClickedUntilItChanges() {
        CodeMask mask = new CodeMask();
        assertTrue(mask.maskUntilClicked(true));
        assertFalse(mask.maskUntilClicked(true), "no change");
        assertTrue(mask.masked("a", 1));
        assertTrue(mask.clickReveals("a", 1));
        mask.reveal("a", 1);
        assertFalse(mask.masked("a", 1));
        assertFalse(mask.clickReveals("a", 1), "the next click copies");
        assertTrue(mask.masked("b", 1), "only the code clicked");
        assertTrue(mask.masked("a", 2), "the next code is masked again");
        mask.maskUntilClicked(false);
        assertFalse(mask.masked("b", 1));
    }

    @Test
    void inTheBackgroundEveryCodeIsMaskedAndAClickCopiesIt() {
        CodeMask mask = new CodeMask();
        mask.maskUntilClicked(true);
        mask.reveal("a", 1);
        assertTrue(mask.maskAll(true));
        assertTrue(mask.masked("a", 1), "even the one revealed");
        assertFalse(mask.clickReveals("b", 1));
        assertTrue(mask.maskAll(false));
        assertFalse(mask.masked("a", 1), "revealed still, once back");
    }

    @Test
    void theSettingMasksAllOnlyWhileTheTabIsHidden() {
        Settings hide = Settings.DEFAULTS.withHideCodesWhenHidden(true);
        assertTrue(CodeMask.masksAll(hide, true));
        assertFalse(CodeMask.masksAll(hide, false));
        assertFalse(CodeMask.masksAll(Settings.DEFAULTS, true));
    }
}
