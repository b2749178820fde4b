package fob.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void splitsKeepingEmptyParts() {
        assertEquals(List.of("a", "", "b", ""), Text.split("a&&b&", '&'));
        assertEquals(List.of(""), Text.split("", '&'));
    }

    @Test
    void splitsLinesWhateverTheirEnds() {
        assertEquals(List.of("a", "b", "c", "", "d"), Text.lines("a\nb\r\nc\r\rd"));
        assertEquals(List.of("one"), Text.lines("one"));
    }
}
