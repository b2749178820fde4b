package fob.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.link.InvalidLinkException;
import fob.link.OtpAuthLink;
import fob.testing.Fixtures;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The eight accounts of ../shared/fixtures/README.md, as links, with codes from an independent implementation
 * (src/test/resources/fob/otp/fixture_codes.py: Python's hmac; Steam checked with npm steam-totp).
 */
class FixtureAccountsTest {
    private static OtpAuthLink find(String issuer) throws IOException, InvalidLinkException {
        for (String link : Fixtures.accountLinks()) {
            OtpAuthLink parsed = OtpAuthLink.parse(link);
            if (parsed.issuer().equals(issuer)) {
                return parsed;
            }
        }
        throw new AssertionError("no fixture account for " + issuer);
    }

    @Test
    void theLinksHoldTheReadmesAccounts() throws Exception {
        String[][] table = {
            {"Deno", "Mason", "TOTP", "SHA1", "6", "30"},
            {"SPDX", "James", "TOTP", "SHA256", "7", "20"},
            {"Airbnb", "Elijah", "TOTP", "SHA512", "8", "50"},
            {"Issuu", "James", "HOTP", "SHA1", "6", "1"},
            {"Air Canada", "Benjamin", "HOTP", "SHA256", "7", "50"},
            {"WWE", "Mason", "HOTP", "SHA512", "8", "10300"},
            {"Boeing", "Sophia", "STEAM", "SHA1", "5", "30"},
            {"Battle.net", "US-2211-2050-3346", "TOTP", "SHA1", "8", "30"},
        };
        List<String> links = Fixtures.accountLinks();
        assertEquals(table.length, links.size());
        for (int i = 0; i < table.length; i++) {
            OtpAuthLink link = OtpAuthLink.parse(links.get(i));
            OtpParameters p = link.parameters();
            String[] row = table[i];
            assertEquals(row[0], link.issuer());
            assertEquals(row[1], link.name());
            assertEquals(OtpType.valueOf(row[2]), p.type());
            assertEquals(HashAlgorithm.valueOf(row[3]), p.algorithm());
            assertEquals(Integer.parseInt(row[4]), p.digits());
            assertEquals(Long.parseLong(row[5]), p.type() == OtpType.HOTP ? p.counter() : p.period());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Deno|59|526156", "Deno|1700000000|790195", "Deno|2000000000|026634",
        "SPDX|59|1119156", "SPDX|1700000000|9993814", "SPDX|2000000000|8081167",
        "Airbnb|59|11712489", "Airbnb|1700000000|65516786", "Airbnb|2000000000|02800793",
        "Issuu|59|253717", "Air Canada|59|4444976", "WWE|59|24622277",
        "Boeing|59|9WW3X", "Boeing|1700000000|747JR", "Boeing|2000000000|G7879",
        "Battle.net|59|60168128", "Battle.net|1700000000|12715797", "Battle.net|2000000000|36599106"})
    void codesMatchAnIndependentImplementation(String issuer, long seconds, String code) throws Exception {
        assertEquals(code, find(issuer).parameters().codeAt(seconds * 1000));
    }

    @Test
    void nextHotpCodeUsesTheNextCounter() throws Exception {
        OtpParameters issuu = find("Issuu").parameters();
        assertEquals(Hotp.code(HashAlgorithm.SHA1, issuu.secret(), 2, 6), issuu.nextCounter().codeAt(0));
        assertEquals(2, issuu.nextCounter().counter());
    }
}
