// Property tests of the FlowSpec codec: decode(encode(x)) = x up to the 2-byte length field, and arbitrary or
// truncated bytes only ever give a field error or a malformed NLRI, never an exception.
package org.bgpekko.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.bgpekko.wire.nlri.FlowNlriCodec;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

class FlowNlriPropertiesTest {
    static final List<Family> FLOW = List.of(Family.IPV4_FLOW, Family.IPV6_FLOW, Family.IPV4_FLOW_VPN,
            Family.IPV6_FLOW_VPN);

    /** A family, add-path, and NLRI of that family: up to all 13 components, up to 40 pairs each. */
    record Sample(Family family, boolean addPath, List<Nlri> nlri) {}

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.of(FLOW).flatMap(f -> Arbitraries.of(false, true).flatMap(ap ->
                FlowArbitraries.nlri(f, ap, 13, 40).list().ofMinSize(1).ofMaxSize(4)
                        .filter(l -> l.stream().allMatch(n -> FlowNlriCodec.bodyLength((FlowNlri) n)
                                <= FlowNlriCodec.MAX_LENGTH))
                        .map(l -> new Sample(f, ap, l))));
    }

    @Property(tries = 2000)
    void decodeInvertsEncode(@ForAll("samples") Sample s) {
        NlriBlock block = NlriBlock.of(s.family(), s.addPath(), s.nlri());
        byte[] wire = block.bytes().toArray();
        s.nlri().forEach(n -> Statistics.label("length field").collect(
                FlowNlriCodec.bodyLength((FlowNlri) n) >= 240 ? "2 bytes" : "1 byte"));
        NlriBlock.Decoding d = NlriBlock.decode(s.family(), wire, 0, wire.length, s.addPath());
        assertTrue(d.ok(), d.error());
        assertNull(d.malformed());
        assertEquals(s.nlri(), d.block().toList());
        assertEquals(block, d.block());
    }

    /** Every proper prefix of a valid field is a truncated field: an error, or fewer NLRI; never an exception. */
    @Property(tries = 500)
    void truncatedFields(@ForAll("samples") Sample s) {
        byte[] wire = NlriBlock.of(s.family(), s.addPath(), s.nlri()).bytes().toArray();
        for (int cut = 0; cut < wire.length; cut++) {
            NlriBlock.Decoding d = NlriBlock.decode(s.family(), wire, 0, cut, s.addPath());
            if (d.ok()) {
                assertTrue(d.block().size() < s.nlri().size() || d.malformed() != null);
                d.block().toList();
            }
        }
    }

    /**
     * Arbitrary bytes as a field of each family, raw or framed as NLRI with correct lengths (so the components are
     * what is arbitrary): decoding returns, and what it keeps decodes and re-encodes.
     */
    @Property(tries = 20_000)
    void arbitraryBytes(@ForAll("fields") byte[] bytes, @ForAll("families") Family family, @ForAll boolean addPath) {
        NlriBlock.Decoding d = NlriBlock.decode(family, bytes, 0, bytes.length, addPath);
        Statistics.label("outcome").collect(!d.ok() ? "field error" : d.malformed() != null ? "malformed left out"
                : d.block().isEmpty() ? "empty" : "well formed");
        if (d.ok()) {
            List<Nlri> kept = d.block().toList();
            byte[] again = NlriBlock.of(family, addPath, kept).bytes().toArray();
            NlriBlock.Decoding back = NlriBlock.decode(family, again, 0, again.length, addPath);
            assertEquals(kept, back.block().toList(), "decode(encode(decode(b))) != decode(b) for "
                    + Hex.encode(bytes));
        }
    }

    /** Flipped bytes in a valid field: same guarantee. */
    @Property(tries = 5000)
    void mutatedFields(@ForAll("samples") Sample s, @ForAll("positions") List<Integer> edits) {
        byte[] wire = NlriBlock.of(s.family(), s.addPath(), s.nlri()).bytes().toArray();
        byte[] b = Arrays.copyOf(wire, wire.length);
        for (int e : edits) {
            b[(e >>> 8) % b.length] = (byte) e;
        }
        NlriBlock.Decoding d = NlriBlock.decode(s.family(), b, 0, b.length, s.addPath());
        if (d.ok()) {
            d.block().forEach(n -> Statistics.label("kept").collect(n.family().toString()));
        }
    }

    @Provide
    Arbitrary<byte[]> fields() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        Arbitrary<byte[]> nlri = Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(body -> {
            byte[] out = new byte[body.length + 1];
            out[0] = (byte) body.length;
            System.arraycopy(body, 0, out, 1, body.length);
            return out;
        });
        Arbitrary<byte[]> framed = nlri.list().ofMinSize(1).ofMaxSize(3).map(parts -> {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            parts.forEach(b::writeBytes);
            return b.toByteArray();
        });
        return Arbitraries.oneOf(raw, framed);
    }

    @Provide
    Arbitrary<Family> families() {
        return Arbitraries.of(FLOW);
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().between(0, 0xFFFFFF).list().ofMinSize(1).ofMaxSize(3);
    }
}
