package fob.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {
    /** RFC 4648 section 10. */
    @ParameterizedTest
    @CsvSource({"f,MY======", "fo,MZXQ====", "foo,MZXW6===", "foob,MZXW6YQ=", "fooba,MZXW6YTB",
        "foobar,MZXW6YTBOI======"})
    void rfc4648Vectors(String plain, String encoded) throws EncodingException {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(bytes, Base32.decode(encoded));
        assertArrayEquals(bytes, Base32.decode(encoded.replace("=", "")));
        assertArrayEquals(bytes, Base32.decode(encoded.toLowerCase()));
        assertEquals(encoded.replace("=", ""), Base32.encode(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4SJH B4GS D43F ZBAI 7C2H LRJG PQ", "4sjhb4gsd43fzbai7c2hlrjgpq", "4SJH-B4GS-D43F-ZBAI-7C2H-LRJG-PQ",
        "4SJHB4GSD43FZBAI7C2HLRJGPQ======", " 4sJhB4gSd43FzBaI7c2HlRjGpQ\t"})
    void acceptsTheWaysPeopleWriteKeys(String written) throws EncodingException {
        assertArrayEquals(Base32.decode("4SJHB4GSD43FZBAI7C2HLRJGPQ"), Base32.decode(written));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ABC1DEFG|'1' is not a base32 character",
        "ABCDEFGH0|'0' is not a base32 character",
        "A|cannot have 1 characters",
        "ABCDEFGHA|cannot have 9 characters",
        "MY=====|padding does not fit",
        "MY==MY==|may only end",
        "'   '|empty"})
    void rejectsWithAReason(String text, String reason) {
        EncodingException e = assertThrows(EncodingException.class, () -> Base32.decode(text));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 10, 16, 20, 32, 64})
    void roundTrips(int length) throws EncodingException {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 37 + length);
        }
        assertArrayEquals(bytes, Base32.decode(Base32.encode(bytes)));
    }
}
