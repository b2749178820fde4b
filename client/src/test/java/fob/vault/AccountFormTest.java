package fob.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.otp.OtpType;
import org.junit.jupiter.api.Test;

class AccountFormTest {
    private static AccountForm valid() {
        AccountForm form = new AccountForm();
        form.issuer = "Example";
        form.name = "alice";
        form.secret = "jbsw y3dp ehpk 3pxp";
        return form;
    }

    @Test
    void aValidFormGivesParameters() {
        AccountForm.Result result = valid().check();
        assertTrue(result.ok(), result.problems().toString());
        assertEquals(OtpType.TOTP, result.otp().type());
        assertEquals(6, result.otp().digits());
    }

    @Test
    void eachProblemIsReportedAgainstItsField() {
        AccountForm form = valid();
        form.secret = "not base32!";
        form.digits = "12";
        form.period = "soon";
        AccountForm.Result result = form.check();
        assertFalse(result.ok());
        assertNull(result.otp());
        assertTrue(result.problems().get(AccountForm.Field.SECRET).contains("not a base32 character"));
        assertTrue(result.problems().get(AccountForm.Field.PERIOD).contains("whole number"));
        assertTrue(result.problems().get(AccountForm.Field.DIGITS).contains("from 6 to 8 (it is 12)"));
        assertEquals(3, result.problems().size(), result.problems().toString());
    }

    @Test
    void digitsOutOfRangeAreNamed() {
        AccountForm form = valid();
        form.digits = "12";
        assertTrue(form.check().problems().get(AccountForm.Field.DIGITS).contains("from 6 to 8"));
        form.digits = "99999999999999999999";
        assertTrue(form.check().problems().containsKey(AccountForm.Field.DIGITS));
    }

    @Test
    void hotpNeedsAGoodCounterAndIgnoresThePeriod() {
        AccountForm form = valid();
        form.type = "hotp";
        form.period = "nonsense";
        form.counter = "-4";
        AccountForm.Result result = form.check();
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().containsKey(AccountForm.Field.COUNTER));
    }

    @Test
    void steamIgnoresDigits() {
        AccountForm form = valid();
        form.type = "steam";
        form.digits = "";
        AccountForm.Result result = form.check();
        assertTrue(result.ok(), result.problems().toString());
        assertEquals(5, result.otp().digits());
    }

    @Test
    void needsANameOrAnIssuerAndAKey() {
        AccountForm form = new AccountForm();
        AccountForm.Result result = form.check();
        assertTrue(result.problems().containsKey(AccountForm.Field.NAME));
        assertTrue(result.problems().containsKey(AccountForm.Field.SECRET));
    }

    @Test
    void fillsInFromAnAccountAndChecksBackToTheSameParameters() throws Exception {
        Account account = VaultTest.account("x",
                "otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&algorithm=SHA256&digits=7&counter=50");
        AccountForm form = AccountForm.of(account);
        assertEquals("Air Canada", form.issuer);
        assertEquals(account.otp(), form.check().otp());
    }

    @Test
    void eachFieldIsReadAndWrittenByItsName() {
        AccountForm form = new AccountForm();
        String[] texts = {"Example", "ada@example.com", "JBSWY3DPEHPK3PXP", "hotp", "SHA256", "8", "60", "5", "a note"};
        AccountForm.Field[] fields = AccountForm.Field.values();
        for (int i = 0; i < fields.length; i++) {
            form.set(fields[i], texts[i]);
        }
        assertEquals("Example", form.issuer);
        assertEquals("ada@example.com", form.name);
        assertEquals("JBSWY3DPEHPK3PXP", form.secret);
        assertEquals("hotp", form.type);
        assertEquals("SHA256", form.algorithm);
        assertEquals("8", form.digits);
        assertEquals("60", form.period);
        assertEquals("5", form.counter);
        assertEquals("a note", form.note);
        for (int i = 0; i < fields.length; i++) {
            assertEquals(texts[i], form.get(fields[i]));
        }
    }
}
