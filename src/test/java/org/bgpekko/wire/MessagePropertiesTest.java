// Property tests: every in-scope message survives encode then decode unchanged, and re-encodes to the same bytes.
package org.bgpekko.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.bgpekko.wire.WireArbitraries.Case;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.LabeledNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.VpnNlri;
import org.bgpekko.wire.nlri.NlriBlock;

class MessagePropertiesTest {

    @Provide
    Arbitrary<Case> messages() {
        return WireArbitraries.cases();
    }

    @Provide
    Arbitrary<Case> updates() {
        return WireArbitraries.options().flatMap(o -> WireArbitraries.cachedUpdate(o).map(u -> new Case(o, u)));
    }

    @Provide
    Arbitrary<Open> opens() {
        return WireArbitraries.open();
    }

    @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
    void decodeInvertsEncode(@ForAll("messages") Case c) {
        Statistics.label("type").collect(BgpMessage.typeName(c.message().type()));
        byte[] wire = MessageCodec.encode(c.message(), c.options());
        assertTrue(wire.length <= SessionOptions.STANDARD_MAX, "generated message over 4096 bytes");
        assertEquals(wire.length, Wire.u16(wire, 16), "header length");
        BgpMessage back = MessageCodec.decode(wire, c.options());
        if (back instanceof Update u) {
            assertEquals(List.of(), u.errors(), "RFC 7606 findings on a well-formed UPDATE");
        }
        assertEquals(c.message(), back);
        assertArrayEquals(wire, MessageCodec.encode(back, c.options()), "re-encoding differs");
    }

    @Property(tries = 1000)
    void updatesRoundTripAttributeByAttribute(@ForAll("updates") Case c) {
        Update u = (Update) c.message();
        for (PathAttribute a : u.attributes().list()) {
            Statistics.label("attribute").collect(a.getClass().getSimpleName());
        }
        u.mpReach().ifPresent(m -> Statistics.label("MP_REACH_NLRI family").collect(m.family()
                + (c.options().addPathSend(m.family()) ? " add-path" : "")));
        Update back = (Update) MessageCodec.decode(MessageCodec.encode(u, c.options()), c.options());
        assertEquals(List.of(), back.errors());
        assertEquals(u.attributes().list(), back.attributes().list());
        assertEquals(u.withdrawn().toList(), back.withdrawn().toList());
        assertEquals(u.nlri().toList(), back.nlri().toList());
        u.mpReach().ifPresent(m -> assertNlriEqual(m.nlri(), back.mpReach().orElseThrow().nlri()));
        u.mpUnreach().ifPresent(m -> assertNlriEqual(m.nlri(), back.mpUnreach().orElseThrow().nlri()));
    }

    /** The NLRI objects come back, not only the bytes: labels, RD, path ids and prefixes (host bytes cut). */
    private static void assertNlriEqual(NlriBlock sent, NlriBlock received) {
        assertEquals(sent.toList().stream().map(MessagePropertiesTest::canonical).toList(), received.toList());
    }

    /** The NLRI as a decoder rebuilds it: address bytes past ceil(length/8) are not on the wire. */
    static Nlri canonical(Nlri n) {
        if (!n.hasPrefix()) {
            return n; // FlowArbitraries makes prefixes canonical; the other families keep their value bytes as given
        }
        IpPrefix p = n.prefix();
        int keep = p.wireBytes() * 8;
        int bits = p.afi() == Family.AFI_IPV4 ? 32 : 128;
        long hi = p.hi();
        long lo = p.lo();
        if (p.afi() == Family.AFI_IPV4) {
            lo = keep == 0 ? 0 : lo & (0xFFFFFFFFL << (bits - keep)) & 0xFFFFFFFFL;
        } else {
            hi = keep == 0 ? 0 : keep >= 64 ? hi : hi & (-1L << (64 - keep));
            lo = keep <= 64 ? 0 : keep == 128 ? lo : lo & (-1L << (128 - keep));
        }
        IpPrefix cut = new IpPrefix(p.afi(), hi, lo, p.length());
        if (n instanceof InetNlri i) {
            return new InetNlri(i.family(), i.pathId(), cut);
        }
        if (n instanceof LabeledNlri l) {
            return new LabeledNlri(l.family(), l.pathId(), l.labels(), cut);
        }
        VpnNlri v = (VpnNlri) n;
        return new VpnNlri(v.family(), v.pathId(), v.labels(), v.rd(), cut);
    }

    @Property(tries = 500)
    void opensKeepEveryCapabilityInOrder(@ForAll("opens") Open open) {
        byte[] wire = MessageCodec.encode(open, SessionOptions.DEFAULT);
        int paramsLength = wire.length - BgpMessage.HEADER_LENGTH - 10;
        boolean extended = (wire[28] & 0xFF) == 255 && (wire[29] & 0xFF) == 255;
        Statistics.label("form").collect(extended ? "RFC 9072" : "RFC 4271");
        for (Capability c : open.capabilities()) {
            Statistics.label("capability").collect(c.getClass().getSimpleName());
        }
        // one capability per parameter; the RFC 9072 form exactly when 2-byte parameter headers would total >= 255
        int capabilityBytes = 0;
        for (Capability c : open.capabilities()) {
            WireWriter w = new WireWriter();
            org.bgpekko.wire.capability.CapabilityCodecs.encode(c, w);
            capabilityBytes += w.position();
        }
        int n = open.capabilities().size();
        assertEquals(capabilityBytes + 2 * n >= 255, extended);
        assertEquals(extended ? 3 + capabilityBytes + 3 * n : capabilityBytes + 2 * n, paramsLength);
        Open back = (Open) MessageCodec.decode(wire, SessionOptions.LEGACY);
        assertEquals(open.capabilities(), back.capabilities());
        assertEquals(open, back);
    }

    @Provide
    Arbitrary<String> shutdownTexts() {
        return WireArbitraries.text(300, 2000);
    }

    @Property(tries = 500)
    void shutdownCommunicationIsTheLongestWholePrefixThatFits(@ForAll("shutdownTexts") String text) {
        Notification n = Notification.cease(Notification.CEASE_ADMINISTRATIVE_SHUTDOWN, text);
        Notification back = (Notification) MessageCodec.decode(MessageCodec.encode(n, SessionOptions.DEFAULT),
                SessionOptions.DEFAULT);
        String got = back.shutdownCommunication().orElseThrow();
        byte[] full = text.getBytes(StandardCharsets.UTF_8);
        byte[] kept = got.getBytes(StandardCharsets.UTF_8);
        assertTrue(kept.length <= 255);
        assertTrue(text.startsWith(got), "not a prefix of the text");
        if (full.length <= 255) {
            assertEquals(text, got);
        } else {
            // the next code point would not have fitted
            int next = text.codePointAt(got.length());
            assertTrue(kept.length + new String(Character.toChars(next)).getBytes(StandardCharsets.UTF_8).length > 255);
        }
    }

    @Provide
    Arbitrary<Notification> notifications() {
        return Arbitraries.integers().between(0, 255).flatMap(code -> Arbitraries.integers().between(0, 255)
                .flatMap(sub -> WireArbitraries.bytes(0, 4075).map(d -> new Notification(code, sub, d))));
    }

    @Property(tries = 200)
    void notificationsCarryAnyDataUpToTheMaximumSize(@ForAll("notifications") Notification n) {
        byte[] wire = MessageCodec.encode(n, SessionOptions.DEFAULT);
        assertEquals(21 + n.data().length(), wire.length);
        assertEquals(n, MessageCodec.decode(wire, SessionOptions.DEFAULT));
    }
}
