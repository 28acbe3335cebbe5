// AdjRibIn keeps FlowSpec routes (the whole NLRI is the key): announce, withdraw, RFC 7606 treat-as-withdraw.
package org.bgpekko.rib;

import static org.bgpekko.rib.RibFixtures.attrs;
import static org.bgpekko.rib.RibFixtures.block;
import static org.bgpekko.rib.RibFixtures.mpAnnounce;
import static org.bgpekko.rib.RibFixtures.mpWithdraw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.nlri.FlowMatch;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.FlowOp;
import org.bgpekko.wire.nlri.FlowPrefix;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.junit.jupiter.api.Test;

class AdjRibInFlowTest {
    private final AttributeStore store = new AttributeStore();
    private final AdjRibIn rib = new AdjRibIn(store);

    private static FlowNlri flow(String destination, int protocol) {
        return FlowNlri.of(Family.IPV4_FLOW, null, List.of(FlowPrefix.destination(IpPrefix.parse(destination)),
                new FlowMatch(3, List.of(FlowOp.of(FlowOp.EQ, protocol, 1)))));
    }

    @Test
    void flowRoutesAreKeptAndWithdrawnByTheirWholeNlri() {
        FlowNlri tcp = flow("10.0.0.1/32", 6);
        FlowNlri udp = flow("10.0.0.1/32", 17);
        List<RibChange> changes = rib.apply(mpAnnounce(attrs(1), Bytes.EMPTY, block(Family.IPV4_FLOW, false, tcp,
                udp)));
        assertEquals(1, changes.size());
        assertEquals(List.of(tcp, udp), changes.get(0).nlri().toList());
        assertEquals(2, rib.size(Family.IPV4_FLOW));
        assertEquals(attrs(1), rib.get(tcp).attributes());
        assertEquals(Bytes.EMPTY, rib.get(tcp).nextHop());

        // a redirect next hop is kept with the route
        Bytes nh = Bytes.fromHex("01020304");
        rib.apply(mpAnnounce(attrs(2), nh, block(Family.IPV4_FLOW, false, udp)));
        assertEquals(nh, rib.get(udp).nextHop());
        assertEquals(attrs(1), rib.get(tcp).attributes());

        changes = rib.apply(mpWithdraw(block(Family.IPV4_FLOW, false, tcp)));
        assertEquals(List.of(tcp), changes.get(0).nlri().toList());
        assertTrue(changes.get(0).isWithdrawal());
        assertNull(rib.get(tcp));
        assertEquals(1, rib.size());

        List<Nlri> held = new ArrayList<>();
        rib.forEach(Family.IPV4_FLOW, (n, id) -> held.add(n));
        assertEquals(List.of(udp), held);
        rib.clear();
        assertEquals(0, store.size());
    }

    @Test
    void flowVpnAndIpv6RoutesWithAddPath() {
        FlowNlri vpn = FlowNlri.of(Family.IPV4_FLOW_VPN, RouteDistinguisher.parse("65000:1"),
                List.of(FlowPrefix.source(IpPrefix.parse("10.0.0.0/8"))));
        FlowNlri other = FlowNlri.of(Family.IPV4_FLOW_VPN, RouteDistinguisher.parse("65000:2"),
                List.of(FlowPrefix.source(IpPrefix.parse("10.0.0.0/8"))));
        rib.apply(mpAnnounce(attrs(1), Bytes.EMPTY, block(Family.IPV4_FLOW_VPN, false, vpn, other)));
        assertEquals(2, rib.size(Family.IPV4_FLOW_VPN), "the RD is part of the key");
        FlowNlri v6 = new FlowNlri(Family.IPV6_FLOW, 7, null,
                List.of(new FlowPrefix(FlowPrefix.SOURCE, IpPrefix.parse("::1/128"), 120)));
        rib.apply(mpAnnounce(attrs(3), Bytes.EMPTY, block(Family.IPV6_FLOW, true, v6)));
        assertEquals(attrs(3), rib.get(v6).attributes());
        assertNull(rib.get(new FlowNlri(Family.IPV6_FLOW, 8, null, v6.components())), "path id 8 is another route");
    }

    /** A malformed flow (RFC 8955 section 4.2) makes its UPDATE withdraw what it announces (RFC 7606). */
    @Test
    void aMalformedFlowIsTreatAsWithdraw() {
        FlowNlri good = flow("10.0.0.1/32", 6);
        rib.apply(mpAnnounce(attrs(1), Bytes.EMPTY, block(Family.IPV4_FLOW, false, good)));
        assertEquals(1, rib.size());
        String goodHex = block(Family.IPV4_FLOW, false, good).bytes().hex();
        String reach = "000185" + "00" + "00" + goodHex + "030E8101"; // component type 14 does not exist
        String attributes = "40010100" + "400200" + "800E" + String.format("%02X", reach.length() / 2) + reach;
        String body = "0000" + String.format("%04X", attributes.length() / 2) + attributes;
        Update u = (Update) MessageCodec.decode(Hex.decode("FF".repeat(16) + String.format("%04X", 19 + body.length()
                / 2) + "02" + body), SessionOptions.DEFAULT);
        assertEquals(ErrorAction.TREAT_AS_WITHDRAW, u.errorAction());
        List<RibChange> changes = rib.apply(u);
        assertEquals(1, changes.size());
        assertTrue(changes.get(0).isWithdrawal());
        assertEquals(0, rib.size(), "the well-formed flow of the UPDATE is withdrawn too");
    }
}
