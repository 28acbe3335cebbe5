// LineFramer: lines across reads decoded whole; a line past the cap reported once, its bytes dropped, memory bounded.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFramerTest {
    private static List<String> feed(LineFramer f, String... pieces) {
        List<String> out = new ArrayList<>();
        for (String p : pieces) {
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            f.feed(b, b.length, out);
        }
        return out;
    }

    @Test
    void linesCutAnywhereComeWhole() {
        byte[] text = "announce é\n€x\n\nlast".getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= text.length; cut++) {
            LineFramer f = new LineFramer(100);
            List<String> out = new ArrayList<>();
            f.feed(Arrays.copyOfRange(text, 0, cut), cut, out);
            byte[] rest = Arrays.copyOfRange(text, cut, text.length);
            f.feed(rest, rest.length, out);
            assertEquals(List.of("announce é", "€x", ""), out, "cut at " + cut);
            assertEquals(4, f.held());
        }
    }

    /** Was: a helper line without a newline grew until OutOfMemoryError killed the reader thread. */
    @Test
    void aLinePastTheCapIsReportedOnceAndDropped() {
        LineFramer f = new LineFramer(1000);
        List<String> out = feed(f, "a".repeat(600), "b".repeat(600));
        assertEquals(Arrays.asList((String) null), out, "reported when it crosses the cap, before its end");
        assertEquals(0, f.held());
        out = feed(f, "c".repeat(5000), "c".repeat(5000));
        assertEquals(List.of(), out, "the rest of that line is dropped without another report");
        assertEquals(0, f.held());
        out = feed(f, "d\nnext\n");
        assertEquals(List.of("next"), out, "the line ends at its newline; the next one is read as usual");
    }

    @Test
    void aLineOfExactlyTheCapIsKeptAndOneMoreByteIsNot() {
        List<String> out = feed(new LineFramer(10), "0123456789\n", "0123456789X\n", "ok\n");
        assertEquals(Arrays.asList("0123456789", null, "ok"), out);
        out = feed(new LineFramer(10), "01234", "56789", "\n");
        assertEquals(List.of("0123456789"), out);
    }

    @Test
    void theHeldBytesNeverPassTheCap() {
        LineFramer f = new LineFramer(1 << 20);
        List<String> out = new ArrayList<>();
        byte[] chunk = new byte[65536];
        Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 200; i++) { // 12.5 MiB without a newline
            f.feed(chunk, chunk.length, out);
            assertTrue(f.held() <= 1 << 20, "held " + f.held());
        }
        assertEquals(1, out.size());
    }
}
