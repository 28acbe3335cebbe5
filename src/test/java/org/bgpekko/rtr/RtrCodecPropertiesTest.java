// Property tests of the RTR codec: decode(encode(x)) == x for every PDU; arbitrary bytes decode to data, never throw.
package org.bgpekko.rtr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpPrefix;

class RtrCodecPropertiesTest {
    @Property(tries = 2000)
    void everyPduRoundTrips(@ForAll("pdus") RtrPdu pdu, @ForAll @IntRange(min = 0, max = 1) int version) {
        if (version == 0 && pdu instanceof RtrPdu.RouterKey) {
            return; // not in version 0
        }
        RtrPdu expected = version == 0 && pdu instanceof RtrPdu.EndOfData e
                ? new RtrPdu.EndOfData(e.sessionId(), e.serial(), -1, -1, -1) : pdu;
        byte[] wire = RtrCodec.encode(version, pdu);
        RtrCodec.Decoded d = RtrCodec.decode(wire, 0, wire.length);
        RtrCodec.Pdu p = assertInstanceOf(RtrCodec.Pdu.class, d, () -> d.toString());
        assertEquals(expected, p.pdu());
        assertEquals(version, p.version());
        assertEquals(wire.length, p.length());
        for (int cut = 0; cut < wire.length; cut++) { // every prefix of it asks for more
            assertInstanceOf(RtrCodec.NeedMore.class, RtrCodec.decode(wire, 0, cut));
        }
    }

    @Property(tries = 5000)
    void arbitraryBytesDecodeToData(@ForAll @Size(max = 64) byte[] bytes) {
        RtrCodec.Decoded d = RtrCodec.decode(bytes, 0, bytes.length);
        if (d instanceof RtrCodec.Pdu p) {
            assertTrue(p.length() <= bytes.length);
            byte[] again = RtrCodec.encode(p.version(), p.pdu());
            assertEquals(p.pdu(), ((RtrCodec.Pdu) RtrCodec.decode(again, 0, again.length)).pdu());
        }
    }

    @Property(tries = 3000)
    void mutatedPdusDecodeToData(@ForAll("pdus") RtrPdu pdu, @ForAll @IntRange(min = 0, max = 40) int at,
                                 @ForAll byte value) {
        byte[] wire = RtrCodec.encode(1, pdu);
        wire[at % wire.length] = value;
        RtrCodec.Decoded d = RtrCodec.decode(wire, 0, wire.length);
        if (d instanceof RtrCodec.Malformed m) {
            assertTrue(m.code() == RtrPdu.ErrorReport.CORRUPT_DATA
                    || m.code() == RtrPdu.ErrorReport.UNSUPPORTED_PDU_TYPE
                    || m.code() == RtrPdu.ErrorReport.UNSUPPORTED_PROTOCOL_VERSION, m::toString);
        }
    }

    @Provide
    Arbitrary<RtrPdu> pdus() {
        Arbitrary<Integer> session = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFFFFFFL);
        Arbitrary<Bytes> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Bytes::of);
        return Arbitraries.oneOf(
                Combinators.combine(session, u32).as(RtrPdu.SerialNotify::new),
                Combinators.combine(session, u32).as(RtrPdu.SerialQuery::new),
                Arbitraries.just(new RtrPdu.ResetQuery()),
                session.map(RtrPdu.CacheResponse::new),
                Combinators.combine(Arbitraries.of(true, false), vrps()).as(RtrPdu.Prefix::new),
                Combinators.combine(session, u32, Arbitraries.longs().between(1, 86400),
                        Arbitraries.longs().between(1, 7200), Arbitraries.longs().between(600, 172800))
                        .as(RtrPdu.EndOfData::new),
                Arbitraries.just(new RtrPdu.CacheReset()),
                Combinators.combine(Arbitraries.integers().between(0, 255),
                        Arbitraries.bytes().array(byte[].class).ofSize(20).map(Bytes::of), u32, bytes)
                        .as(RtrPdu.RouterKey::new),
                Combinators.combine(Arbitraries.integers().between(0, 8), bytes,
                        Arbitraries.strings().ofMaxLength(30)).as(RtrPdu.ErrorReport::new));
    }

    static Arbitrary<RtrPdu.Vrp> vrps() {
        Arbitrary<RtrPdu.Vrp> v4 = Combinators.combine(Arbitraries.longs().between(0, 0xFFFFFFFFL),
                Arbitraries.integers().between(0, 32), Arbitraries.integers().between(0, 32),
                Arbitraries.longs().between(0, 0xFFFFFFFFL)).as((a, l, extra, as) -> new RtrPdu.Vrp(
                        IpPrefix.ipv4(a, l), Math.min(32, l + extra % (33 - l)), as));
        Arbitrary<RtrPdu.Vrp> v6 = Combinators.combine(Arbitraries.longs(), Arbitraries.longs(),
                Arbitraries.integers().between(0, 128), Arbitraries.longs().between(0, 0xFFFFFFFFL))
                .as((hi, lo, l, as) -> new RtrPdu.Vrp(new IpPrefix(Family.AFI_IPV6, hi, lo, l), 128, as));
        return Arbitraries.oneOf(v4, v6);
    }
}
