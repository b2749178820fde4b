package fob.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitTest {
    @Test
    void splitsKeepingEmptyParts() {
        assertEquals(List.of("a", "", "b", ""), TextSplit.split("a&&b&", '&'));
        assertEquals(List.of(""), TextSplit.split("", '&'));
    }

    @Test
    void splitsLinesWhateverTheirEnds() {
        assertEquals(List.of("a", "b", "c", "", "d"), TextSplit.lines("a\nb\r\nc\r\rd"));
        assertEquals(List.of("one"), TextSplit.lines("one"));
    }
}
