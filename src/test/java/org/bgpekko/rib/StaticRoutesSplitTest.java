// `split` expands a prefix into exactly 2^(to - length) sub-prefixes, in order, for every length and family
// (issue 10: `1 << bits` overflowed: /0 split /32 gave 0.0.0.0/32, /32 split /64 one /64, /0 split /31 a crash).
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;

class StaticRoutesSplitTest {

    private static List<String> split(String prefix, int to) {
        return StaticRoutes.split(InetNlri.of(prefix), to).stream().map(n -> n.prefix().toString()).toList();
    }

    @Test
    void theWholeIpv4SpaceIntoSixteenBitPrefixes() {
        List<String> out = split("0.0.0.0/0", 16);
        assertEquals(65_536, out.size());
        assertEquals("0.0.0.0/16", out.get(0));
        assertEquals("0.1.0.0/16", out.get(1));
        assertEquals("255.255.0.0/16", out.get(65_535));
    }

    @Test
    void ipv6SplitsAcrossTheSixtyFourBitBoundary() {
        List<String> out = split("2001:db8::/32", 48);
        assertEquals(65_536, out.size());
        assertEquals("2001:db8::/48", out.get(0));
        assertEquals("2001:db8:ffff::/48", out.get(65_535));
        List<String> low = split("2001:db8::/112", 128);
        assertEquals(65_536, low.size());
        assertEquals("2001:db8::ffff/128", low.get(65_535));
    }

    @Test
    void aSplitAtTheBoundIsTheLargestAllowedAndMoreIsRefused() {
        assertEquals(1 << RouteConfig.MAX_SPLIT_BITS, split("10.0.0.0/8", 8 + RouteConfig.MAX_SPLIT_BITS).size());
        // what used to be announced silently wrong, or to kill the Rib, is refused
        assertThrows(IllegalArgumentException.class, () -> split("0.0.0.0/0", 31));
        assertThrows(IllegalArgumentException.class, () -> split("0.0.0.0/0", 32));
        assertThrows(IllegalArgumentException.class, () -> split("2001:db8::/32", 64));
        assertThrows(IllegalArgumentException.class, () -> split("::/0", 128));
    }

    @Test
    void noSplitOrOneNotLongerThanThePrefixKeepsThePrefix() {
        assertEquals(List.of("10.0.0.0/24"), split("10.0.0.0/24", -1));
        assertEquals(List.of("10.0.0.0/24"), split("10.0.0.0/24", 24));
        assertEquals(List.of("10.0.0.0/24"), split("10.0.0.0/24", 16));
    }

    @Property(tries = 300)
    void everySplitGivesTwoToTheBitsDistinctSubPrefixesInOrder(@ForAll boolean v6, @ForAll long hi, @ForAll long lo,
                                                               @ForAll @IntRange(min = 0, max = 128) int length,
                                                               @ForAll @IntRange(min = 0, max = 12) int bits) {
        int afi = v6 ? Family.AFI_IPV6 : Family.AFI_IPV4;
        int max = IpPrefix.maxLength(afi);
        int len = Math.min(length, max - bits);
        IpPrefix p = v6 ? new IpPrefix(afi, hi, lo, len) : IpPrefix.ipv4(lo, len);
        List<Nlri> out = StaticRoutes.split(new InetNlri(v6 ? Family.IPV6_UNICAST : Family.IPV4_UNICAST,
                Nlri.NO_PATH_ID, p), len + bits);
        if (bits == 0) {
            assertEquals(1, out.size());
            return;
        }
        assertEquals(1 << bits, out.size());
        assertEquals(1 << bits, new HashSet<>(out).size());
        IpPrefix previous = null;
        for (Nlri n : out) {
            IpPrefix sub = n.prefix();
            assertEquals(len + bits, sub.length());
            assertTrue(within(sub, p), sub + " is not inside " + p);
            assertTrue(previous == null || previous.compareTo(sub) < 0, previous + " before " + sub);
            previous = sub;
        }
    }

    /** Whether {@code sub} lies inside {@code p}: their first p.length() bits are equal. */
    private static boolean within(IpPrefix sub, IpPrefix p) {
        int max = IpPrefix.maxLength(p.afi());
        java.math.BigInteger a = big(sub).shiftRight(max - p.length());
        java.math.BigInteger b = big(p).shiftRight(max - p.length());
        return a.equals(b);
    }

    private static java.math.BigInteger big(IpPrefix p) {
        return new java.math.BigInteger(Long.toUnsignedString(p.hi())).shiftLeft(64)
                .or(new java.math.BigInteger(Long.toUnsignedString(p.lo())));
    }
}
