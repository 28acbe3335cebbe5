// jqwik: VPLS, MVPN, MUP, EVPN and BGP-LS NLRI round-trip; random, truncated and mutated bytes never make a decoder
// throw: a malformed NLRI becomes an AFI/SAFI-disable finding of the UPDATE.
package org.bgpekko.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.LinkState;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.BgpLsNlri;
import org.bgpekko.wire.nlri.EvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.VplsNlri;

class FamilyNlriPropertiesTest {
    static final List<Family> FAMILIES = List.of(VplsNlri.FAMILY, FamilyNlriVectorsTest.MVPN4,
            FamilyNlriVectorsTest.MVPN6, FamilyNlriVectorsTest.MUP4, FamilyNlriVectorsTest.MUP6, EvpnNlri.FAMILY,
            BgpLsNlri.FAMILY, BgpLsNlri.VPN_FAMILY);

    /** A family, add-path, and NLRI of that family. */
    record Sample(Family family, boolean addPath, List<Nlri> nlri) {}

    @Provide
    Arbitrary<Sample> samples() {
        return Combinators.combine(Arbitraries.of(FAMILIES), Arbitraries.of(false, true)).flatAs((f, ap) ->
                FamilyArbitraries.nlri(f, ap).list().ofMinSize(1).ofMaxSize(8).map(l -> new Sample(f, ap, l)));
    }

    @Property(tries = 1000)
    void decodeInvertsEncode(@ForAll("samples") Sample s) {
        NlriBlock block = NlriBlock.of(s.family(), s.addPath(), s.nlri());
        byte[] wire = block.bytes().toArray();
        NlriBlock.Decoding d = NlriBlock.decode(s.family(), wire, 0, wire.length, s.addPath());
        assertTrue(d.ok(), d.error());
        assertEquals(s.nlri(), d.block().toList());
    }

    /** Every cut of a valid block is refused or is a shorter valid block; inside an UPDATE it is a finding. */
    @Property(tries = 1000)
    void truncationIsAFindingNeverAnException(@ForAll("samples") Sample s, @ForAll @IntRange(max = 1000) int at) {
        byte[] wire = NlriBlock.of(s.family(), s.addPath(), s.nlri()).bytes().toArray();
        int cut = at % wire.length;
        NlriBlock.Decoding d = NlriBlock.decode(s.family(), wire, 0, cut, s.addPath());
        if (d.ok()) {
            assertTrue(d.block().size() < s.nlri().size());
            assertEquals(s.nlri().subList(0, d.block().size()), d.block().toList());
        }
        Update u = inUpdate(s.family(), s.addPath(), java.util.Arrays.copyOf(wire, cut));
        if (!d.ok()) {
            assertEquals(ErrorAction.AFISAFI_DISABLE, u.errorAction(), u.errors().toString());
            assertEquals(s.family(), u.errors().get(0).family());
        }
    }

    /** Random bytes as the NLRI of each family: a finding or NLRI that encode back to the same objects. */
    @Property(tries = 3000)
    void randomBytesNeverThrow(@ForAll("families") Family family, @ForAll boolean addPath,
                               @ForAll @Size(max = 120) byte[] bytes) {
        NlriBlock.Decoding d = NlriBlock.decode(family, bytes, 0, bytes.length, addPath);
        Update u = inUpdate(family, addPath, bytes);
        assertEquals(d.ok(), u.errors().isEmpty(), u.errors().toString());
        if (d.ok()) {
            List<Nlri> items = d.block().toList();
            NlriBlock again = NlriBlock.of(family, addPath, items);
            byte[] b = again.bytes().toArray();
            assertEquals(items, NlriBlock.decode(family, b, 0, b.length, addPath).block().toList());
        }
    }

    /** Known route types with one byte changed: never an exception (mostly findings, sometimes other NLRI). */
    @Property(tries = 1500)
    void mutatedNlriNeverThrow(@ForAll("samples") Sample s, @ForAll @IntRange(max = 1000) int at,
                               @ForAll byte value) {
        byte[] wire = NlriBlock.of(s.family(), s.addPath(), s.nlri()).bytes().toArray();
        wire[at % wire.length] = value;
        Update u = inUpdate(s.family(), s.addPath(), wire);
        assertNotNull(u);
    }

    @Provide
    Arbitrary<Family> families() {
        return Arbitraries.of(FAMILIES);
    }

    @Property(tries = 500)
    void linkStateAttributesRoundTrip(@ForAll("linkStates") LinkState ls) {
        Update u = new Update(NlriBlock.empty(Family.IPV4_UNICAST), PathAttributes.of(Origin.IGP, AsPath.EMPTY, ls),
                NlriBlock.empty(Family.IPV4_UNICAST));
        Update back = (Update) MessageCodec.decode(MessageCodec.encode(u, SessionOptions.DEFAULT),
                SessionOptions.DEFAULT);
        assertEquals(List.of(), back.errors());
        assertEquals(u.attributes(), back.attributes());
    }

    @Provide
    Arbitrary<LinkState> linkStates() {
        return FamilyArbitraries.linkState();
    }

    /** An UPDATE announcing {@code nlri} (raw bytes) of {@code family}, decoded under that family's ADD-PATH. */
    private static Update inUpdate(Family family, boolean addPath, byte[] nlri) {
        WireWriter w = new WireWriter();
        w.put16(0); // withdrawn routes
        WireWriter attrs = new WireWriter();
        attrs.put8(0x40).put8(1).put8(1).put8(0);
        attrs.put8(0x40).put8(2).put8(0);
        attrs.put8(0x90).put8(14).put16(5 + 4 + nlri.length);
        attrs.put16(family.afi()).put8(family.safi()).put8(4).put32(0x0A000001L).put8(0);
        attrs.putBytes(nlri, 0, nlri.length);
        w.put16(attrs.position());
        w.putBytes(attrs.toArray(), 0, attrs.position());
        SessionOptions options = SessionOptions.DEFAULT.withAddPath(addPath ? java.util.Set.of(family)
                : java.util.Set.of(), addPath ? java.util.Set.of(family) : java.util.Set.of());
        Update u = (Update) MessageCodec.decode(VectorSupport.withHeader(BgpMessage.UPDATE, w.toArray()), options);
        u.mpReach().map(MpReachNlri::nlri).ifPresent(b -> assertEquals(family, b.family()));
        return u;
    }
}
