package fob.lock;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordStrengthTest {
    private static void verdict(String password, String expected) {
        String hint = PasswordStrength.hint(password);
        assertTrue(hint.startsWith(expected), password + ": " + hint);
    }

    @Test
    void shortCommonAndRepetitivePasswordsAreCalledSo() {
        verdict("abc1234", "Too short");
        verdict("Password1", "Weak");
        verdict("aaaaaaaaaaaa", "Weak");
        verdict("abcdefgh", "Weak");
    }

    @Test
    void lengthAndVarietyMakeAPasswordStrong() {
        verdict("abcdefghij", "Fair");
        verdict("Abcdef1!", "Fair");
        verdict("Correct9Horse", "Strong");
        verdict("correct horse battery staple", "Strong");
    }
}
