// The peer's own messages, the echoed OPEN variants and framed reading.
package org.bgpekko.qa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final String M = "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF";

    @Test
    void echoIncrementsTheLastRouterIdByte() {
        byte[] echo = Messages.echoOpen(Hex.parse(FakeSpeaker.OPEN), OptionalInt.empty(), false);
        assertEquals(FakeSpeaker.OPEN.replace("0A000002", "0A000003"), Hex.of(echo));
        String wrap = FakeSpeaker.OPEN.replace("0A000002", "0A0000FF");
        assertEquals(FakeSpeaker.OPEN.replace("0A000002", "0A000000"),
                Hex.of(Messages.echoOpen(Hex.parse(wrap), OptionalInt.empty(), false)));
    }

    @Test
    void asnReplacesMyAsAndTheAsn4ValueAndKeepsTheRouterId() {
        byte[] echo = Messages.echoOpen(Hex.parse(FakeSpeaker.OPEN), OptionalInt.of(65000), false);
        String expected = M + "002D01" + "04FDE800B40A000002" + "10" + "0206010400010001" + "020641040000FDE8";
        assertEquals(expected, Hex.of(echo));
        // without an ASN4 capability only the 2-byte AS changes
        String noAsn4 = M + "0025" + "01" + "04FFFD00B40A000002" + "08" + "0206010400010001";
        assertEquals(M + "0025" + "01" + "04FDE800B40A000002" + "08" + "0206010400010001",
                Hex.of(Messages.echoOpen(Hex.parse(noAsn4), OptionalInt.of(65000), false)));
    }

    @Test
    void unknownCapabilityIsOneMoreParameter() {
        byte[] echo = Messages.echoOpen(Hex.parse(FakeSpeaker.OPEN), OptionalInt.empty(), true);
        String expected = M + "003B" + "01" + "04FFFD00B40A000003" + "1E" + "0206010400010001" + "020641040000FFFD"
                + "020C420A" + "6C6F72656D697073756D";
        assertEquals(expected, Hex.of(echo));
        // RFC 9072 extended parameters: 2-byte lengths
        String ext = M + "0029" + "01" + "04FFFD00B40A000002" + "FFFF0009" + "020006010400010001";
        assertEquals(M + "0038" + "01" + "04FFFD00B40A000003" + "FFFF0018" + "020006010400010001"
                        + "02000C420A6C6F72656D697073756D",
                Hex.of(Messages.echoOpen(Hex.parse(ext), OptionalInt.empty(), true)));
    }

    @Test
    void fixedMessages() {
        assertEquals(M + "001304", Hex.of(Messages.keepalive()));
        assertEquals(M + "0013FF", Hex.of(Messages.unknownType()));
        assertEquals(M + "0031020000001540010100400200400304" + "7F0000014005040000006420000000" + "00",
                Hex.of(Messages.defaultRoute()));
        assertEquals(M + "0019030600" + "6279 6521".replace(" ", ""), Hex.of(Messages.cease("bye!")));
    }

    @Test
    void endOfRibIsAnUpdateOfFourOrElevenBodyBytes() {
        assertEquals(true, Messages.isEndOfRib(Hex.parse(M + "00170200000000")));
        assertEquals(true, Messages.isEndOfRib(Hex.parse(M + "001E0200000007900F0003000201")));
        assertEquals(false, Messages.isEndOfRib(Hex.parse(M + "001304")));
        assertEquals(false, Messages.isEndOfRib(Hex.parse(M + "0018020000000100")));
    }

    /** Delivers one byte per read: reading must still frame on the length field. */
    private static InputStream trickle(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void readFramesOnTheLengthFieldAcrossShortReads() throws IOException {
        byte[] two = Hex.parse(M + "00170200000000" + M + "001304");
        InputStream in = trickle(two);
        assertEquals(M + "00170200000000", Hex.of(Messages.read(in)));
        assertEquals(M + "001304", Hex.of(Messages.read(in)));
        assertNull(Messages.read(in));
    }

    @Test
    void truncatedOrInvalidFramesAreErrors() {
        assertThrows(EOFException.class, () -> Messages.read(trickle(Hex.parse(M + "0017"))));
        assertThrows(EOFException.class, () -> Messages.read(trickle(Hex.parse(M + "00170200"))));
        assertThrows(IOException.class, () -> Messages.read(trickle(Hex.parse(M + "001204"))));
        assertArrayEquals(new byte[] {1, 2}, Hex.parse("01:02"));
    }
}
