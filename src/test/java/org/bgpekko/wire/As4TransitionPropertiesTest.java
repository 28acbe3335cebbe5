// RFC 6793 section 4.2: what a NEW speaker sends an OLD one merges back, on receipt, into the path it started from.
package org.bgpekko.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bgpekko.wire.attribute.Aggregator;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.NlriBlock;

class As4TransitionPropertiesTest {
    /** 2- and 4-octet AS numbers, AS_TRANS itself included. */
    private static Arbitrary<Long> as() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 0xFFFF), Arbitraries.longs().between(0x10000,
                0xFFFFFFFFL), Arbitraries.just(AsPathSegment.AS_TRANS));
    }

    private static Arbitrary<AsPathSegment> segment(int fromType, int toType, Arbitrary<Long> as) {
        return Combinators.combine(Arbitraries.integers().between(fromType, toType), as.list().ofMinSize(1)
                .ofMaxSize(8)).as(AsPathSegment::new);
    }

    /**
     * A true path as a NEW speaker holds it: confederation segments only at its start (RFC 5065), of 2-octet
     * member ASes (section 4.2.2 leaves them out of AS4_PATH, so an OLD speaker could not carry others).
     */
    @Provide
    Arbitrary<AsPath> paths() {
        Arbitrary<Long> member = Arbitraries.longs().between(1, 0xFFFF);
        return Combinators.combine(segment(AsPathSegment.AS_CONFED_SEQUENCE, AsPathSegment.AS_CONFED_SET, member)
                .list().ofMaxSize(2), segment(AsPathSegment.AS_SET, AsPathSegment.AS_SEQUENCE, as()).list()
                .ofMaxSize(4))
                .as((confed, rest) -> {
                    List<AsPathSegment> all = new ArrayList<>(confed);
                    all.addAll(rest);
                    return new AsPath(all);
                });
    }

    @Property(tries = 1000)
    void anOldSpeakerSeesAsTransAndTheMergeGivesTheTruePathBack(@ForAll("paths") AsPath path,
                                                                  @ForAll("aggregators") Aggregator aggregator) {
        PathAttributes attrs = PathAttributes.of(Origin.IGP, path, NextHop.of("192.0.2.1"), aggregator);
        NlriBlock nlri = NlriBlock.of(Family.IPV4_UNICAST, false, org.bgpekko.wire.nlri.InetNlri.of("10.0.0.0/24"));
        Update sent = new Update(NlriBlock.empty(Family.IPV4_UNICAST), attrs, nlri);
        byte[] wire = MessageCodec.encode(sent, SessionOptions.LEGACY);
        Update received = (Update) MessageCodec.decode(wire, SessionOptions.LEGACY);
        assertEquals(List.of(), received.errors());
        assertEquals(attrs, received.attributes());
        assertEquals(false, received.attributes().has(PathAttribute.AS4_PATH));
    }

    @Provide
    Arbitrary<Aggregator> aggregators() {
        return Combinators.combine(as(), Arbitraries.longs().between(1, 0xFFFFFFFFL)).as(Aggregator::new);
    }
}
