package fob.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {
    @Test
    void decodesUtf8Escapes() throws EncodingException {
        assertEquals("encoding: ¿äÄéÉ? (demo)",
                PercentEncoding.decode("encoding%3A%20%C2%BF%C3%A4%C3%84%C3%A9%C3%89%3F%20%28demo%29", false));
    }

    @Test
    void plusIsASpaceOnlyInQueries() throws EncodingException {
        assertEquals("Air Canada", PercentEncoding.decode("Air+Canada", true));
        assertEquals("a+b", PercentEncoding.decode("a+b", false));
        assertEquals("a+b", PercentEncoding.decode("a%2Bb", true));
    }

    @Test
    void rejectsBrokenEscapes() {
        assertThrows(EncodingException.class, () -> PercentEncoding.decode("abc%", false));
        assertThrows(EncodingException.class, () -> PercentEncoding.decode("abc%4", false));
        assertThrows(EncodingException.class, () -> PercentEncoding.decode("abc%zz", false));
        assertThrows(EncodingException.class, () -> PercentEncoding.decode("%C3%28", false));
    }

    @Test
    void encodesAllButUnreserved() throws EncodingException {
        String text = "Jürgen & Co: a/b?c=d#e+f 😀";
        String encoded = PercentEncoding.encode(text);
        assertEquals("J%C3%BCrgen%20%26%20Co%3A%20a%2Fb%3Fc%3Dd%23e%2Bf%20%F0%9F%98%80", encoded);
        assertEquals(text, PercentEncoding.decode(encoded, true));
    }
}
