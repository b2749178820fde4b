package fob.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.codec.Base32;
import fob.otp.HashAlgorithm;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtpAuthLinkTest {
    @Test
    void appliesTheKeyUriFormatsDefaults() throws Exception {
        OtpAuthLink link = OtpAuthLink.parse("otpauth://totp/alice@example.com?secret=JBSWY3DPEHPK3PXP");
        assertEquals("", link.issuer());
        assertEquals("alice@example.com", link.name());
        OtpParameters p = link.parameters();
        assertEquals(OtpType.TOTP, p.type());
        assertEquals(HashAlgorithm.SHA1, p.algorithm());
        assertEquals(6, p.digits());
        assertEquals(30, p.period());
        assertArrayEquals(Base32.decode("JBSWY3DPEHPK3PXP"), p.secret());
    }

    @Test
    void readsTheIssuerFromTheLabelOrTheParameter() throws Exception {
        assertEquals("Example", OtpAuthLink.parse("otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP").issuer());
        OtpAuthLink both = OtpAuthLink.parse("otpauth://totp/Example%3A%20alice?secret=JBSWY3DPEHPK3PXP&issuer=Example");
        assertEquals("Example", both.issuer());
        assertEquals("alice", both.name());
        OtpAuthLink differ = OtpAuthLink.parse("otpauth://totp/Old:alice?secret=JBSWY3DPEHPK3PXP&issuer=New");
        assertEquals("New", differ.issuer());
        assertEquals("alice", differ.name());
    }

    @Test
    void decodesPercentEscapesAndPlusSigns() throws Exception {
        OtpAuthLink link = OtpAuthLink.parse(
                "otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air+Canada&counter=50");
        assertEquals("Air Canada", link.issuer());
        assertEquals("Benjamin", link.name());
        assertEquals(50, link.parameters().counter());
        OtpAuthLink utf8 = OtpAuthLink.parse(
                "otpauth://totp/encoding%3A%20%C2%BF%C3%A4%C3%84%C3%A9%C3%89%3F%20%28demo%29?secret=7KSQL2JTUDIS5EF65KLMRQIIGY");
        assertEquals("encoding", utf8.issuer(), "without an issuer parameter, the label's prefix is the issuer");
        assertEquals("¿äÄéÉ? (demo)", utf8.name());
    }

    @Test
    void acceptsAnyCaseAndLooseSecrets() throws Exception {
        OtpAuthLink link = OtpAuthLink.parse("  OTPAUTH://TOTP/x?SECRET=jbsw%20y3dp%20ehpk%203pxp&Algorithm=sha256  ");
        assertEquals(HashAlgorithm.SHA256, link.parameters().algorithm());
        assertArrayEquals(Base32.decode("JBSWY3DPEHPK3PXP"), link.parameters().secret());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|empty",
        "https://example.com/?secret=JBSWY3DPEHPK3PXP|must start with otpauth://",
        "otpauth-migration://offline?data=abc|Google Authenticator export link",
        "otpauth://totp?secret=JBSWY3DPEHPK3PXP|no account label",
        "otpauth://motp/x?secret=JBSWY3DPEHPK3PXP|Unknown code type 'motp'",
        "otpauth://totp/x|no secret",
        "otpauth://totp/x?secret=|no secret",
        "otpauth://totp/x?secret=JBSW1Y3DP|not valid base32",
        "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5|Unsupported algorithm 'MD5'",
        "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9|Digits must be from 6 to 8",
        "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=six|digits must be a whole number",
        "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0|period must be from 1",
        "otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=-1|counter must be from 0",
        "otpauth://steam/x?secret=JBSWY3DPEHPK3PXP&digits=6|Steam codes have 5 characters",
        "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXP|appears twice",
        "otpauth://totp/x%ZZ?secret=JBSWY3DPEHPK3PXP|label is badly encoded",
        "otpauth://totp/%20?secret=JBSWY3DPEHPK3PXP|names no account"})
    void rejectsMalformedLinksSayingWhy(String link, String reason) {
        InvalidLinkException e = assertThrows(InvalidLinkException.class, () -> OtpAuthLink.parse(link));
        assertTrue(e.getMessage().contains(reason), "message '" + e.getMessage() + "' should say '" + reason + "'");
    }

    @Test
    void rejectsOversizeInput() {
        String link = "otpauth://totp/x?secret=" + "A".repeat(OtpAuthLink.MAX_LENGTH);
        assertThrows(InvalidLinkException.class, () -> OtpAuthLink.parse(link));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&algorithm=SHA1&digits=6&period=30",
        "otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air%20Canada&algorithm=SHA256&digits=7&counter=50",
        "otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing&algorithm=SHA1&digits=5&period=30"})
    void writesLinksBackAsTheyCame(String link) throws Exception {
        assertEquals(link, OtpAuthLink.parse(link).format());
    }

    @Test
    void roundTripsAwkwardNames() throws Exception {
        OtpParameters p = OtpAuthLink.parse("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP").parameters();
        for (String[] names : new String[][] {{"A:B", "c:d"}, {"", "only a name"}, {"Jürgen & Co", "a+b@x.y"},
            {"Issuer", " spaced "}, {"<img src=x onerror=alert(1)>", "%41?#&="}}) {
            OtpAuthLink link = new OtpAuthLink(names[0], names[1].trim(), p);
            OtpAuthLink back = OtpAuthLink.parse(link.format());
            assertEquals(names[0], back.issuer());
            assertEquals(names[1].trim(), back.name());
            assertEquals(p, back.parameters());
        }
    }

    /** Found by OtpAuthLinkFuzz: an empty issuer parameter and a colon in the name did not survive writing back. */
    @Test
    void aNameWithAColonAndNoIssuerSurvivesWritingBack() throws Exception {
        OtpAuthLink parsed = OtpAuthLink.parse("otpauth://totp/Label:host:8080?secret=JBSWY3DPEHPK3PXP&issuer=");
        assertEquals("", parsed.issuer());
        assertEquals("host:8080", parsed.name());
        OtpAuthLink back = OtpAuthLink.parse(parsed.format());
        assertEquals("", back.issuer());
        assertEquals("host:8080", back.name());
        assertEquals(parsed.parameters(), back.parameters());
    }
}
