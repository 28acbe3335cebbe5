// UpdatePacker: NLRI split over UPDATEs within the size limit, in order, one per UPDATE when grouping is off.
package org.bgpekko.wire;

import static org.bgpekko.wire.VectorSupport.MARKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.VpnNlri;
import org.junit.jupiter.api.Test;

class UpdatePackerTest {
    private static final SessionOptions OPTIONS = SessionOptions.DEFAULT;
    /** ORIGIN IGP, empty AS_PATH, NEXT_HOP 192.0.2.1: 4 + 3 + 7 = 14 bytes. */
    private static final PathAttributes ATTRS = PathAttributes.of(Origin.IGP, AsPath.EMPTY, NextHop.of("192.0.2.1"));
    private static final Bytes NH6 = Bytes.fromHex("20010DB8000000000000000000000001");

    /** 10.0.0.0/24, 10.0.1.0/24, ... */
    private static NlriBlock slash24s(int n, boolean addPath) {
        NlriBlock.Builder b = NlriBlock.builder(Family.IPV4_UNICAST, addPath);
        for (int i = 0; i < n; i++) {
            b.addIpv4(addPath ? i : Nlri.NO_PATH_ID, 0x0A000000L + ((long) i << 8), 24);
        }
        return b.build();
    }

    private static List<Update> decodeAll(List<byte[]> messages, SessionOptions options) {
        List<Update> out = new ArrayList<>();
        for (byte[] m : messages) {
            assertTrue(m.length <= options.maxMessageSize(), "UPDATE of " + m.length + " bytes");
            Update u = (Update) MessageCodec.decode(m, options);
            assertEquals(List.of(), u.errors());
            out.add(u);
        }
        return out;
    }

    @Test
    void twoThousandSlash24sFillTwoUpdates() {
        NlriBlock nlri = slash24s(2000, false);
        List<byte[]> messages = UpdatePacker.announce(ATTRS, Bytes.EMPTY, nlri, OPTIONS, UpdatePacker.UNLIMITED);
        // 4096 - 19 header - 4 length fields - 14 attributes = 4059 bytes: 1014 NLRI of 4 bytes each
        assertEquals(2, messages.size());
        assertEquals(19 + 4 + 14 + 1014 * 4, messages.get(0).length);
        assertEquals(19 + 4 + 14 + 986 * 4, messages.get(1).length);
        List<Nlri> all = new ArrayList<>();
        for (Update u : decodeAll(messages, OPTIONS)) {
            assertEquals(ATTRS, u.attributes());
            assertTrue(u.withdrawn().isEmpty());
            all.addAll(u.nlri().toList());
        }
        assertEquals(nlri.toList(), all);
        // the first message, byte for byte at its start
        assertEquals(MARKER + "0FFD" + "02" + "0000" + "000E" + "40010100" + "400200" + "400304C0000201"
                + "180A0000" + "180A0001", Hex.encode(messages.get(0), 0, 45));
    }

    @Test
    void groupUpdatesFalseSendsOneNlriPerUpdate() {
        NlriBlock nlri = slash24s(10, false);
        List<byte[]> messages = UpdatePacker.announce(ATTRS, Bytes.EMPTY, nlri, OPTIONS, 1);
        assertEquals(10, messages.size());
        List<Update> updates = decodeAll(messages, OPTIONS);
        for (int i = 0; i < 10; i++) {
            assertEquals(List.of(nlri.toList().get(i)), updates.get(i).nlri().toList());
        }
        assertEquals(MARKER + "0029" + "02" + "0000" + "000E" + "40010100" + "400200" + "400304C0000201" + "180A0003",
                Hex.encode(messages.get(3)));
    }

    @Test
    void addPathIdsCountTowardsTheSize() {
        SessionOptions addPath = OPTIONS.withAddPath(Set.of(Family.IPV4_UNICAST), Set.of(Family.IPV4_UNICAST));
        NlriBlock nlri = slash24s(2000, true);
        List<byte[]> messages = UpdatePacker.announce(ATTRS, Bytes.EMPTY, nlri, addPath, UpdatePacker.UNLIMITED);
        // 8 bytes per NLRI: 507 per UPDATE
        assertEquals(4, messages.size());
        List<Nlri> all = new ArrayList<>();
        decodeAll(messages, addPath).forEach(u -> all.addAll(u.nlri().toList()));
        assertEquals(nlri.toList(), all);
        assertEquals(1999, all.get(1999).pathId());
        // a block without path ids sent on an ADD-PATH session gets path id 0
        List<byte[]> zero = UpdatePacker.announce(ATTRS, Bytes.EMPTY, slash24s(3, false), addPath, 1);
        assertEquals("00000000" + "180A0002", Hex.encode(zero.get(2), zero.get(2).length - 8, 8));
    }

    @Test
    void ipv4WithdrawalsUseTheWithdrawnRoutesField() {
        NlriBlock nlri = slash24s(2000, false);
        List<byte[]> messages = UpdatePacker.withdraw(PathAttributes.EMPTY, nlri, OPTIONS, UpdatePacker.UNLIMITED);
        // 4096 - 23 = 4073 bytes: 1018 NLRI
        assertEquals(2, messages.size());
        List<Nlri> all = new ArrayList<>();
        for (Update u : decodeAll(messages, OPTIONS)) {
            assertTrue(u.attributes().isEmpty());
            assertTrue(u.nlri().isEmpty());
            all.addAll(u.withdrawn().toList());
        }
        assertEquals(1018, decodeAll(messages, OPTIONS).get(0).withdrawn().size());
        assertEquals(nlri.toList(), all);
        assertEquals(MARKER + "001B" + "02" + "0004" + "180A0000" + "0000",
                Hex.encode(UpdatePacker.withdraw(PathAttributes.EMPTY, slash24s(1, false), OPTIONS, 1).get(0)));
    }

    @Test
    void mpFamiliesArePackedInsideMpReach() {
        Family v6 = Family.IPV6_UNICAST;
        List<Nlri> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // 2001:db8:i::/48, 7 bytes each
            items.add(new InetNlri(v6, Nlri.NO_PATH_ID, new IpPrefix(Family.AFI_IPV6, 0x20010DB800000000L
                    | ((long) i << 16), 0, 48)));
        }
        NlriBlock nlri = NlriBlock.of(v6, false, items);
        PathAttributes attrs = PathAttributes.of(Origin.IGP, AsPath.EMPTY);
        List<byte[]> messages = UpdatePacker.announce(attrs, NH6, nlri, OPTIONS, UpdatePacker.UNLIMITED);
        assertEquals(2, messages.size());
        List<Nlri> all = new ArrayList<>();
        for (Update u : decodeAll(messages, OPTIONS)) {
            MpReachNlri reach = u.mpReach().orElseThrow();
            assertEquals(NH6, reach.nextHop());
            assertEquals(v6, reach.family());
            assertTrue(u.nlri().isEmpty());
            assertEquals(attrs, u.attributes().without(PathAttribute.MP_REACH_NLRI));
            all.addAll(reach.nlri().toList());
        }
        assertEquals(items, all);
        // one NLRI: the MP_REACH_NLRI attribute, hand-built
        byte[] one = UpdatePacker.announce(attrs, NH6, NlriBlock.of(v6, false, items.get(1)), OPTIONS, 1).get(0);
        assertEquals(MARKER + "003D" + "02" + "0000" + "0026" + "40010100" + "400200"
                + "800E1C" + "0002" + "01" + "10" + NH6.hex() + "00" + "3020010DB80001", Hex.encode(one));
    }

    @Test
    void mpWithdrawalsArePackedInsideMpUnreach() {
        Family vpn = Family.IPV4_MPLS_VPN;
        List<Nlri> items = new ArrayList<>();
        RouteDistinguisher rd = RouteDistinguisher.parse("65000:1");
        for (int i = 0; i < 600; i++) {
            items.add(new VpnNlri(vpn, Nlri.NO_PATH_ID, Labels.of(100), rd, IpPrefix.ipv4(0x0A000000L + ((long) i << 8), 24)));
        }
        NlriBlock nlri = NlriBlock.of(vpn, false, items);
        List<byte[]> messages = UpdatePacker.withdraw(PathAttributes.EMPTY, nlri, OPTIONS, UpdatePacker.UNLIMITED);
        // 15 bytes per NLRI, 9000 bytes: three UPDATEs
        assertEquals(3, messages.size());
        List<Nlri> all = new ArrayList<>();
        decodeAll(messages, OPTIONS).forEach(u -> all.addAll(u.mpUnreach().orElseThrow().nlri().toList()));
        assertEquals(items, all);
        assertEquals(MARKER + "002C" + "02" + "0000" + "0015" + "800F12" + "0001" + "80"
                + "70" + "000641" + "0000FDE800000001" + "0A0000",
                Hex.encode(UpdatePacker.withdraw(PathAttributes.EMPTY, NlriBlock.of(vpn, false, items.get(0)),
                        OPTIONS, 1).get(0)));
    }

    @Test
    void extendedMessagesHoldMore() {
        SessionOptions big = OPTIONS.withMaxMessageSize(SessionOptions.EXTENDED_MAX);
        NlriBlock nlri = slash24s(20_000, false);
        List<byte[]> messages = UpdatePacker.announce(ATTRS, Bytes.EMPTY, nlri, big, UpdatePacker.UNLIMITED);
        // (65535 - 37) / 4 = 16374 per UPDATE
        assertEquals(2, messages.size());
        assertEquals(16374, decodeAll(messages, big).get(0).nlri().size());
    }

    @Test
    void attributesTooLargeForAnyNlriAreRefused() {
        List<LargeCommunity> many = new ArrayList<>();
        for (int i = 0; i < 338; i++) {
            many.add(new LargeCommunity(65000, i, 0));
        }
        // 4 + 338 * 12 = 4060 bytes of LARGE_COMMUNITY: with the other 14 bytes, no /24 fits
        PathAttributes huge = ATTRS.with(new LargeCommunities(many));
        assertThrows(IllegalArgumentException.class,
                () -> UpdatePacker.announce(huge, Bytes.EMPTY, slash24s(1, false), OPTIONS, UpdatePacker.UNLIMITED));
    }

    /** The lazy form cuts a block a few UPDATEs at a time into exactly the UPDATEs of one call for the whole block. */
    @Test
    void packingABlockInPiecesGivesTheSameUpdatesAsInOneGo() {
        NlriBlock nlri = slash24s(20_000, false);
        for (boolean announce : new boolean[] {true, false}) {
            List<byte[]> whole = announce
                    ? UpdatePacker.announce(ATTRS, Bytes.EMPTY, nlri, OPTIONS, UpdatePacker.UNLIMITED)
                    : UpdatePacker.withdraw(PathAttributes.EMPTY, nlri, OPTIONS, UpdatePacker.UNLIMITED);
            List<byte[]> pieces = new java.util.ArrayList<>();
            int from = 0;
            int calls = 0;
            while (from < nlri.byteLength()) {
                int before = pieces.size();
                from = announce
                        ? UpdatePacker.announce(ATTRS, Bytes.EMPTY, nlri, from, 10_000, OPTIONS, UpdatePacker.UNLIMITED,
                                pieces::add)
                        : UpdatePacker.withdraw(PathAttributes.EMPTY, nlri, from, 10_000, OPTIONS,
                                UpdatePacker.UNLIMITED, pieces::add);
                int written = pieces.subList(before, pieces.size()).stream().mapToInt(m -> m.length).sum();
                assertTrue(written >= 10_000 || from == nlri.byteLength(), "stops only past its budget or at the end");
                calls++;
            }
            assertTrue(calls > 5);
            assertEquals(whole.size(), pieces.size());
            for (int i = 0; i < whole.size(); i++) {
                assertTrue(java.util.Arrays.equals(whole.get(i), pieces.get(i)), "UPDATE " + i);
            }
        }
    }
}
