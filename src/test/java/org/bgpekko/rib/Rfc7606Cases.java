// The RFC 7606 table as data: each attribute x (bad flags, length, value, repeat, missing) x (iBGP, eBGP) -> action.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Family;

/**
 * Each case is the path-attribute field of one UPDATE for a route the scripted peer announced validly before
 * (MED 1); the UPDATE itself carries MED 2, so "the route took the new attributes" can be told from "the UPDATE was
 * ignored". {@code {P6}} stands for the IPv6 NLRI of the case's route (7 bytes: a /48). Expected actions follow the
 * RFC cited; where bgpekko departs from a reading of the RFCs, docs/rfc-compliance.md says so.
 */
final class Rfc7606Cases {
    private Rfc7606Cases() {}

    enum Outcome {
        /** The route holds the new attributes, {@code type} among them (-1: no attribute to look for). */
        KEEP,
        /** The route holds the new attributes without {@code type}. */
        DISCARD,
        /** The route is gone (treat-as-withdraw). */
        WITHDRAW,
        /** The routes of the family are gone and the family is switched off for the session. */
        DISABLE,
        /** A NOTIFICATION 3/{@code type} and the session ends. */
        RESET
    }

    record Expect(Outcome outcome, int type) {
        @Override
        public String toString() {
            return outcome + (type >= 0 ? " " + type : "");
        }
    }

    static Expect keep(int type) {
        return new Expect(Outcome.KEEP, type);
    }

    static Expect discard(int type) {
        return new Expect(Outcome.DISCARD, type);
    }

    static final Expect WITHDRAW = new Expect(Outcome.WITHDRAW, -1);
    static final Expect DISABLE = new Expect(Outcome.DISABLE, -1);

    static Expect reset(int subcode) {
        return new Expect(Outcome.RESET, subcode);
    }

    /**
     * @param mp the route is IPv6 unicast in MP_REACH_NLRI (else IPv4 in the NLRI field)
     * @param attributes the path-attribute field, hex
     * @param raw when true, {@code attributes} is the whole UPDATE body (for structural errors)
     */
    record Case(String name, String rfc, boolean mp, String attributes, boolean raw, Expect ibgp, Expect ebgp) {
        Family family() {
            return mp ? Family.IPV6_UNICAST : Family.IPV4_UNICAST;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String ORIGIN = "40010100";
    static final String AS_PATH = "400206" + "0201" + "0000FDEA"; // 65002
    static final String NEXT_HOP = "400304" + "C0000201"; // 192.0.2.1
    static final String NH6 = "20010DB8000000000000000000000001";
    static final String MP_REACH = "800E1C" + "000201" + "10" + NH6 + "00" + "{P6}";

    static String med(int v) {
        return "800404" + String.format("%08X", v);
    }

    /** The attributes of a valid announcement with MED {@code med}, with parts replaced ({@code type=hex}). */
    static String attrs(boolean mp, int med, String... parts) {
        List<String> out = new ArrayList<>(List.of(ORIGIN, AS_PATH, mp ? "" : NEXT_HOP, med(med), mp ? MP_REACH : ""));
        for (String p : parts) {
            int eq = p.indexOf('=');
            int type = Integer.parseInt(p.substring(0, eq));
            String hex = p.substring(eq + 1);
            int index = switch (type) {
                case 1 -> 0;
                case 2 -> 1;
                case 3 -> 2;
                case 4 -> 3;
                case 14 -> 4;
                default -> -1;
            };
            if (index >= 0) {
                out.set(index, hex);
            } else {
                out.add(hex);
            }
        }
        return String.join("", out);
    }

    private static final List<Case> ALL = new ArrayList<>();

    private static void v4(String name, String rfc, Expect ibgp, Expect ebgp, String... parts) {
        ALL.add(new Case(name, rfc, false, attrs(false, 2, parts), false, ibgp, ebgp));
    }

    private static void v6(String name, String rfc, Expect ibgp, Expect ebgp, String... parts) {
        ALL.add(new Case(name, rfc, true, attrs(true, 2, parts), false, ibgp, ebgp));
    }

    private static void both4(String name, String rfc, Expect both, String... parts) {
        v4(name, rfc, both, both, parts);
    }

    private static void both6(String name, String rfc, Expect both, String... parts) {
        v6(name, rfc, both, both, parts);
    }

    static {
        // ORIGIN (1): RFC 7606 7.1; flags 3 (c); missing 3 (d); repeated 3 (g)
        both4("origin-flags-optional", "RFC 7606 3(c)", WITHDRAW, "1=C0010100");
        both4("origin-flags-partial", "RFC 7606 3(c): O and T bits only", keep(1), "1=60010100");
        both4("origin-length-2", "RFC 7606 7.1", WITHDRAW, "1=4001020000");
        both4("origin-value-3", "RFC 7606 7.1", WITHDRAW, "1=40010103");
        both4("origin-repeated-malformed", "RFC 7606 3(g)", keep(1), "99=40010103");
        both4("origin-missing", "RFC 7606 3(d)", WITHDRAW, "1=");
        both6("origin-missing-mp", "RFC 7606 3(d)", WITHDRAW, "1=");
        // AS_PATH (2): RFC 7606 7.2, RFC 5065 5
        both4("as-path-flags-optional", "RFC 7606 3(c)", WITHDRAW, "2=C00206" + "0201" + "0000FDEA");
        both4("as-path-segment-overrun", "RFC 7606 7.2", WITHDRAW, "2=400206" + "0205" + "0000FDEA");
        both4("as-path-segment-type-5", "RFC 7606 7.2", WITHDRAW, "2=400206" + "0501" + "0000FDEA");
        both4("as-path-segment-empty", "RFC 7606 7.2", WITHDRAW, "2=400202" + "0200");
        v4("as-path-confederation", "RFC 5065 5, RFC 7606 7.2", keep(2), WITHDRAW,
                "2=40020C" + "0301" + "0000FC00" + "0201" + "0000FDEA");
        both4("as-path-repeated", "RFC 7606 3(g)", keep(2), "99=400206" + "0201" + "0000FDEB");
        both4("as-path-missing", "RFC 7606 3(d)", WITHDRAW, "2=");
        both6("as-path-missing-mp", "RFC 7606 3(d)", WITHDRAW, "2=");
        // NEXT_HOP (3): RFC 7606 7.3; semantics RFC 4271 6.3 (our local address is 127.0.0.1)
        both4("next-hop-flags-optional", "RFC 7606 3(c)", WITHDRAW, "3=C00304C0000201");
        both4("next-hop-length-5", "RFC 7606 7.3", WITHDRAW, "3=400305C000020100");
        both4("next-hop-zero", "RFC 4271 6.3", WITHDRAW, "3=40030400000000");
        both4("next-hop-multicast", "RFC 4271 6.3", WITHDRAW, "3=400304E0000001");
        both4("next-hop-broadcast", "RFC 4271 6.3", WITHDRAW, "3=400304FFFFFFFF");
        both4("next-hop-our-address", "RFC 4271 6.3", WITHDRAW, "3=4003047F000001");
        both4("next-hop-repeated-zero", "RFC 7606 3(g)", keep(3), "99=40030400000000");
        both4("next-hop-missing", "RFC 7606 3(d)", WITHDRAW, "3=");
        both6("next-hop-zero-beside-mp-only", "RFC 4760 3: NEXT_HOP is ignored", keep(-1), "99=40030400000000");
        // MULTI_EXIT_DISC (4): RFC 7606 7.4
        both4("med-flags-transitive", "RFC 7606 3(c)", WITHDRAW, "4=C0040400000002");
        both4("med-length-3", "RFC 7606 7.4", WITHDRAW, "4=800403000002");
        both4("med-repeated", "RFC 7606 3(g)", keep(4), "99=80040400000009");
        // LOCAL_PREF (5): RFC 7606 7.5, RFC 4271 5.1.5
        v4("local-pref-valid", "RFC 4271 5.1.5", keep(5), discard(5), "99=40050400000064");
        v4("local-pref-flags-optional", "RFC 7606 7.5", WITHDRAW, discard(5), "99=C0050400000064");
        v4("local-pref-length-3", "RFC 7606 7.5", WITHDRAW, discard(5), "99=400503000064");
        v4("local-pref-repeated", "RFC 7606 3(g)", keep(5), discard(5), "99=40050400000064", "99=40050400000065");
        both4("local-pref-missing", "RFC 4271 5.1.5: accepted (see rfc-compliance)", keep(4));
        // ATOMIC_AGGREGATE (6), AGGREGATOR (7): RFC 7606 7.6, 7.7
        both4("atomic-aggregate-flags-optional", "RFC 7606 7.6", discard(6), "99=C00600");
        both4("atomic-aggregate-length-1", "RFC 7606 7.6", discard(6), "99=40060100");
        both4("atomic-aggregate-repeated", "RFC 7606 3(g)", keep(6), "99=400600", "99=400600");
        both4("aggregator-flags-well-known", "RFC 7606 7.7", discard(7), "99=400708" + "0000FDEA" + "C0000201");
        both4("aggregator-length-7", "RFC 7606 7.7", discard(7), "99=C00707" + "0000FDEA" + "C00002");
        both4("aggregator-repeated", "RFC 7606 3(g)", keep(7), "99=C00708" + "0000FDEA" + "C0000201",
                "99=C00708" + "0000FDEB" + "C0000201");
        // COMMUNITIES (8): RFC 7606 7.8
        both4("communities-flags-non-transitive", "RFC 7606 3(c)", WITHDRAW, "99=800804FFFF0001");
        both4("communities-length-0", "RFC 7606 7.8", WITHDRAW, "99=C00800");
        both4("communities-length-5", "RFC 7606 7.8", WITHDRAW, "99=C00805FFFF000100");
        both4("communities-repeated", "RFC 7606 3(g)", keep(8), "99=C00804FFFF0001", "99=C00804FFFF0002");
        // ORIGINATOR_ID (9), CLUSTER_LIST (10): RFC 7606 7.9, 7.10
        v4("originator-id-valid", "RFC 7606 7.9", keep(9), discard(9), "99=800904C0000202");
        v4("originator-id-flags-transitive", "RFC 7606 7.9", WITHDRAW, discard(9), "99=C00904C0000202");
        v4("originator-id-length-5", "RFC 7606 7.9", WITHDRAW, discard(9), "99=800905C000020200");
        v4("cluster-list-valid", "RFC 7606 7.10", keep(10), discard(10), "99=800A04C0000202");
        v4("cluster-list-length-0", "RFC 7606 7.10", WITHDRAW, discard(10), "99=800A00");
        v4("cluster-list-length-5", "RFC 7606 7.10", WITHDRAW, discard(10), "99=800A05C000020200");
        // MP_REACH_NLRI (14), MP_UNREACH_NLRI (15): RFC 7606 7.11, 3(g); RFC 4760 6, 7; RFC 2545 3
        both6("mp-reach-next-hop-length-0", "RFC 7606 7.11", DISABLE, "14=800E0C" + "000201" + "00" + "00" + "{P6}");
        both6("mp-reach-next-hop-length-4", "RFC 7606 7.11", DISABLE,
                "14=800E10" + "000201" + "04" + "C0000201" + "00" + "{P6}");
        both6("mp-reach-next-hop-length-5", "RFC 7606 7.11", DISABLE,
                "14=800E11" + "000201" + "05" + "20010DB800" + "00" + "{P6}");
        both6("mp-reach-prefix-length-129", "RFC 7606 5.3, 7.11", DISABLE,
                "14=800E16" + "000201" + "10" + NH6 + "00" + "81");
        both6("mp-reach-next-hop-multicast", "RFC 4271 6.3", WITHDRAW,
                "14=800E1C" + "000201" + "10" + "FF020000000000000000000000000001" + "00" + "{P6}");
        both6("mp-reach-flags-transitive", "RFC 7606 7.11", reset(1),
                "14=C00E1C" + "000201" + "10" + NH6 + "00" + "{P6}");
        both6("mp-reach-length-4", "RFC 7606 7.11", reset(1), "14=800E04" + "00020110");
        both6("mp-reach-repeated", "RFC 7606 3(g)", reset(1), "99=" + MP_REACH);
        both4("mp-reach-family-not-negotiated", "RFC 4760 6", discard(14),
                "99=800E0D" + "000102" + "04" + "C0000201" + "00" + "18C63364");
        both6("mp-unreach-flags-transitive", "RFC 7606 7.11", reset(1), "99=C00F0A" + "000201" + "{P6}");
        both6("mp-unreach-length-2", "RFC 7606 7.11", reset(1), "99=800F02" + "0002");
        both6("mp-unreach-prefix-length-129", "RFC 7606 5.3, 7.11", DISABLE, "99=800F04" + "000201" + "81");
        both6("mp-unreach-family-not-negotiated", "RFC 4760 6", discard(15), "99=800F07" + "000102" + "180A0000");
        // EXTENDED_COMMUNITIES (16): RFC 7606 7.14
        both4("extended-communities-flags-non-transitive", "RFC 7606 3(c)", WITHDRAW,
                "99=801008" + "0002FDEA00000001");
        both4("extended-communities-length-9", "RFC 7606 7.14", WITHDRAW, "99=C01009" + "0002FDEA0000000100");
        both4("extended-communities-repeated", "RFC 7606 3(g)", keep(16), "99=C01008" + "0002FDEA00000001",
                "99=C01008" + "0002FDEA00000002");
        // AS4_PATH (17), AS4_AGGREGATOR (18) from a 4-octet speaker: RFC 6793 4.1, whatever they hold
        both4("as4-path-from-new-speaker", "RFC 6793 4.1", discard(17), "99=C0110A" + "0202" + "0000FDEA000186A0");
        both4("as4-path-flags-non-transitive", "RFC 6793 4.1", discard(17), "99=80110A" + "0202" + "0000FDEA000186A0");
        both4("as4-path-segment-type-0", "RFC 6793 4.1, 6", discard(17), "99=C01106" + "0001" + "0000FDEA");
        both4("as4-aggregator-from-new-speaker", "RFC 6793 4.1", discard(18), "99=C01208" + "000186A0C0000201");
        both4("as4-aggregator-length-7", "RFC 6793 4.1, 6", discard(18), "99=C01207" + "000186A0C00002");
        // IPV6_EXTENDED_COMMUNITIES (25), AIGP (26), LARGE_COMMUNITY (32), PREFIX_SID (40)
        both4("ipv6-extended-communities-flags-non-transitive", "RFC 7606 3(c)", WITHDRAW,
                "99=801914" + "0002" + NH6 + "0001");
        both4("ipv6-extended-communities-length-21", "RFC 7606 7.15", WITHDRAW,
                "99=C01915" + "0002" + NH6 + "000100");
        both4("aigp-flags-transitive", "RFC 7311 4", discard(26), "99=C01A0B" + "01000B" + "000000000000000A");
        both4("aigp-tlv-length-5", "RFC 7311 4", discard(26), "99=801A0B" + "010005" + "000000000000000A");
        both4("large-communities-flags-non-transitive", "RFC 7606 3(c)", WITHDRAW,
                "99=80200C" + "0000FDEA0000000100000002");
        both4("large-communities-length-13", "RFC 8092 6", WITHDRAW, "99=C0200D" + "0000FDEA000000010000000200");
        both4("large-communities-length-0", "RFC 8092 6", WITHDRAW, "99=C02000");
        both4("large-communities-repeated", "RFC 7606 3(g)", keep(32), "99=C0200C" + "0000FDEA0000000100000002",
                "99=C0200C" + "0000FDEA0000000100000003");
        both4("prefix-sid-tlv-overrun", "RFC 8669 6", discard(40), "99=C02806" + "0100FF000000");
        both4("prefix-sid-flags-non-transitive", "RFC 8669 6, RFC 7606 3(c)", discard(40),
                "99=80280A" + "01000700000000000064");
        // unknown attributes: RFC 4271 5 and 9; a well-known one is kept for ExaBGP (D3)
        both4("unknown-optional-transitive", "RFC 4271 5", keep(254), "99=C0FE04DEADBEEF");
        both4("unknown-optional-non-transitive", "RFC 4271 5", keep(253), "99=80FD04DEADBEEF");
        both4("unknown-well-known", "RFC 4271 6.3 says 3/2; kept as ExaBGP does", keep(252), "99=40FC04DEADBEEF");
        // the attribute list itself: RFC 7606 4, 5.3
        both4("attribute-length-overruns-the-list", "RFC 7606 4", WITHDRAW, "99=C008FFFFFF0001");
        ALL.add(new Case("total-attribute-length-overrun", "RFC 7606 4", false,
                "0000" + "00FF" + ORIGIN + AS_PATH + NEXT_HOP + "{P4}", true, reset(1), reset(1)));
        ALL.add(new Case("withdrawn-length-overrun", "RFC 7606 4", false, "00FF" + "180A00", true, reset(1),
                reset(1)));
        ALL.add(new Case("nlri-prefix-length-33", "RFC 7606 5.3", false,
                "0000" + String.format("%04X", (ORIGIN + AS_PATH + NEXT_HOP).length() / 2) + ORIGIN + AS_PATH
                        + NEXT_HOP + "210A000000", true, reset(10), reset(10)));
    }

    static List<Case> all() {
        return List.copyOf(ALL);
    }
}
