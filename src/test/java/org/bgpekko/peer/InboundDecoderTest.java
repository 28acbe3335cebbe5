// Framing as hex vectors: each header is judged the moment its 19 bytes are in (RFC 4271 section 6.1).
package org.bgpekko.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.ExtendedMessage;
import org.bgpekko.wire.capability.Multiprotocol;
import org.junit.jupiter.api.Test;

class InboundDecoderTest {
    static final String MARKER = "FF".repeat(16);

    static Open ours(String extra) {
        String text = "neighbor 127.0.0.2 { router-id 10.0.0.1; local-address 127.0.0.1; local-as 65001; "
                + "peer-as 65002; " + extra + " family { ipv4 unicast; } }";
        return OpenBuilder.build(ConfigParser.parse(Path.of("decoder.conf"), text).neighbors().get(0), "x");
    }

    static List<InboundDecoder.Item> feed(InboundDecoder d, String hex) {
        return d.feed(ByteString.fromArray(Bytes.fromHex(hex).toArray()));
    }

    /** The one item a header alone produces: the NOTIFICATION its check calls for. */
    static NotificationException headerError(String header) {
        List<InboundDecoder.Item> items = feed(new InboundDecoder(ours("")), header);
        assertEquals(1, items.size(), header);
        assertNull(items.get(0).message());
        return items.get(0).error();
    }

    static void assertError(int code, int subcode, String data, NotificationException e) {
        assertEquals(List.of(code, subcode), List.of(e.code(), e.subcode()), e.getMessage());
        if (data != null) {
            assertEquals(Bytes.fromHex(data), e.data());
        }
    }

    @Test
    void badMarkerIs1_1AtTheHeader() {
        assertError(1, 1, null, headerError("00".repeat(16) + "0013" + "04"));
        assertError(1, 1, null, headerError("FF".repeat(15) + "FE" + "0017" + "02"));
    }

    @Test
    void badLengthIs1_2WithTheLengthWithoutWaitingForTheBody() {
        assertError(1, 2, "1388", headerError(MARKER + "1388" + "01")); // OPEN of 5,000 bytes
        assertError(1, 2, "FFFF", headerError(MARKER + "FFFF" + "02")); // UPDATE of 65,535, no extended message
        assertError(1, 2, "1001", headerError(MARKER + "1001" + "03")); // NOTIFICATION of 4,097
        assertError(1, 2, "0000", headerError(MARKER + "0000" + "04"));
        assertError(1, 2, "0011", headerError(MARKER + "0011" + "02"));
        assertError(1, 2, "0014", headerError(MARKER + "0014" + "04")); // KEEPALIVE of 20
        assertError(1, 2, "0016", headerError(MARKER + "0016" + "02")); // UPDATE shorter than 23
        assertError(1, 2, "001C", headerError(MARKER + "001C" + "01")); // OPEN shorter than 29
        assertError(1, 2, "0014", headerError(MARKER + "0014" + "03")); // NOTIFICATION shorter than 21
    }

    @Test
    void unknownTypeIs1_0AsExaBgpSendsIt() {
        NotificationException e = headerError(MARKER + "0013" + "FF");
        assertError(1, 0, null, e);
        assertEquals("can not decode update message of type \"255\"", new String(e.data().toArray()));
    }

    @Test
    void messagesCutAnywhereComeOutWholeAndInOrderAndNothingAfterAnError() {
        InboundDecoder d = new InboundDecoder(ours(""));
        byte[] open = MessageCodec.encode(ours(""), SessionOptions.DEFAULT);
        open[27]++;
        String all = Bytes.of(open).hex() + MARKER + "001304"
                + Bytes.of(LoopbackSessionTest.update(3, 1)).hex() + MARKER + "0000" + "04"
                + MARKER + "001304";
        byte[] bytes = Bytes.fromHex(all).toArray();
        List<InboundDecoder.Item> items = new ArrayList<>();
        for (byte b : bytes) {
            items.addAll(d.feed(ByteString.fromArray(new byte[] {b})));
        }
        assertEquals(4, items.size());
        assertInstanceOf(Open.class, items.get(0).message());
        assertInstanceOf(Keepalive.class, items.get(1).message());
        assertEquals(3, assertInstanceOf(Update.class, items.get(2).message()).nlri().size());
        assertError(1, 2, "0000", items.get(3).error());
    }

    @Test
    void afterBothSidesOfferExtendedMessageAnUpdateMayBeLongerThan4096() {
        List<Capability> caps = List.of(new Multiprotocol(Family.IPV4_UNICAST), new ExtendedMessage());
        InboundDecoder d = new InboundDecoder(new Open(4, 65001, 180, 1, caps));
        byte[] open = MessageCodec.encode(new Open(4, 65002, 180, 2, caps), SessionOptions.DEFAULT);
        assertInstanceOf(Open.class, d.feed(ByteString.fromArray(open)).get(0).message());
        byte[] big = LoopbackSessionTest.update(1200, 2); // 4,800 bytes of NLRI
        assertEquals(1200, assertInstanceOf(Update.class,
                d.feed(ByteString.fromArray(big)).get(0).message()).nlri().size());
    }
}
