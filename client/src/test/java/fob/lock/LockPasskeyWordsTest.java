package fob.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The App lock's passkey refusals in words: each says that nothing was changed. */
class LockPasskeyWordsTest {
    @Test
    void aCancelOrTimeoutAndAnyOtherRefusalSayNothingWasChanged() {
        assertEquals("The passkey request was cancelled or timed out. Nothing was changed.",
                LockPasskeyWords.refused("NotAllowedError", "x"));
        assertEquals("The passkey request was cancelled or timed out. Nothing was changed.",
                LockPasskeyWords.refused("AbortError", "x"));
        assertEquals("The passkey could not be used (SecurityError: no). Nothing was changed.",
                LockPasskeyWords.refused("SecurityError", "SecurityError: no"));
    }
}
