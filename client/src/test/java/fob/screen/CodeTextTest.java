package fob.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeTextTest {
    @Test
    void codesSplitInTwoHalvesTheFirstTheLongerOne() {
        assertEquals("123 456", CodeText.grouped("123456"));
        assertEquals("1234 567", CodeText.grouped("1234567"));
        assertEquals("1234 5678", CodeText.grouped("12345678"));
        assertEquals("2BCDF", CodeText.grouped("2BCDF"), "Steam's five characters stay whole");
    }

    @Test
    void aMaskedCodeHasADotPerCharacter() {
        assertEquals("••• •••", CodeText.hidden("123456"));
        assertEquals("•••••", CodeText.hidden("2BCDF"));
        assertEquals("••• •••", CodeText.shown("123456", true));
        assertEquals("123 456", CodeText.shown("123456", false));
    }

    @Test
    void theNextCodeIsNamedSo() {
        assertEquals("next 654 321", CodeText.next("654321", false));
        assertEquals("next ••• •••", CodeText.next("654321", true));
    }
}
