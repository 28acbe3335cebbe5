// Issue 11 item 6: routes whose next hop cannot be one (RFC 4271 section 6.3) are ignored, scoped to those routes.
package org.bgpekko.rib;

import static org.bgpekko.rib.RibFixtures.NO_V4;
import static org.bgpekko.rib.RibFixtures.attrs;
import static org.bgpekko.rib.RibFixtures.block;
import static org.bgpekko.rib.RibFixtures.inet;
import static org.bgpekko.rib.RibFixtures.mpAnnounce;
import static org.bgpekko.rib.RibFixtures.v4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.nlri.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NextHopCheckTest {
    private static final IpAddress LOCAL = IpAddress.parse("192.0.2.254");
    private static final IpAddress LOCAL6 = IpAddress.parse("2001:db8::fe");

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, false", "0.1.2.3, false", "224.0.0.1, false", "239.255.255.255, false", "240.0.0.1, false",
        "255.255.255.255, false", "192.0.2.254, false", "192.0.2.1, true", "223.255.255.255, true",
        "127.0.0.1, true", "::, false", "ff02::1, false", "2001:db8::fe, false", "2001:db8::1, true",
        "fe80::1, true",
    })
    void validHostAddresses(String address, boolean valid) {
        IpAddress a = IpAddress.parse(address);
        String why = NextHopCheck.problem(a, a.isIpv4() ? LOCAL : LOCAL6);
        assertEquals(valid, why == null, address + ": " + why);
    }

    private static Update withNextHop(String nh) {
        return new Update(NO_V4, attrs(1).with(NextHop.of(nh)), v4("10.0.0.0/24"));
    }

    @Test
    void aBadNextHopWithdrawsTheRoutesOfTheNlriFieldAndKeepsTheMpOnes() {
        AdjRibIn rib = new AdjRibIn(new AttributeStore());
        rib.apply(NextHopCheck.check(withNextHop("192.0.2.1"), LOCAL));
        assertNotNull(rib.get(inet("10.0.0.0/24")));

        // the same UPDATE also carries IPv6 routes with a good next hop
        Update mixed = withNextHop("192.0.2.254");
        mixed = new Update(mixed.withdrawn(), mixed.attributes().with(new MpReachNlri(Family.IPV6_UNICAST,
                Bytes.fromHex("20010DB8000000000000000000000001"),
                block(Family.IPV6_UNICAST, false, inet("2001:db8:1::/48")))), mixed.nlri());
        Update checked = NextHopCheck.check(mixed, LOCAL);
        assertEquals(1, checked.errors().size());
        rib.apply(checked);
        assertNull(rib.get(inet("10.0.0.0/24")), "replaced by a route we cannot use: withdrawn, not kept as it was");
        assertNotNull(rib.get(inet("2001:db8:1::/48")));
    }

    @Test
    void aBadMpNextHopWithdrawsTheMpRoutesOnly() {
        AdjRibIn rib = new AdjRibIn(new AttributeStore());
        Update u = mpAnnounce(attrs(1), Bytes.fromHex("FF020000000000000000000000000001"),
                block(Family.IPV6_UNICAST, false, inet("2001:db8:1::/48")));
        u = new Update(NO_V4, u.attributes(), v4("10.0.0.0/24"));
        Update checked = NextHopCheck.check(u, LOCAL6);
        assertEquals(List.of(Family.IPV6_UNICAST), checked.errors().stream().map(e -> e.family()).toList());
        rib.apply(checked);
        assertNull(rib.get(inet("2001:db8:1::/48")));
        assertNotNull(rib.get(inet("10.0.0.0/24")));
    }

    @Test
    void theRdOfAVpnNextHopIsSkippedAndOurOwnAddressIsRefused() {
        Update vpn = mpAnnounce(attrs(1), Bytes.fromHex("0000000000000000C00002FE"),
                block(Family.IPV4_MPLS_VPN, false, RibFixtures.vpn("65000:1", "10.0.0.0/24", 16)));
        assertEquals(1, NextHopCheck.check(vpn, LOCAL).errors().size());
        Update fine = mpAnnounce(attrs(1), Bytes.fromHex("0000000000000000C0000201"),
                block(Family.IPV4_MPLS_VPN, false, RibFixtures.vpn("65000:1", "10.0.0.0/24", 16)));
        assertSame(fine, NextHopCheck.check(fine, LOCAL), "nothing to add: the same UPDATE");
    }
}
