// The route size check: what it accepts is sent by every session in one UPDATE; what it refuses needs more.
package org.bgpekko.wire;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.junit.jupiter.api.Test;

class UpdateFitTest {
    private static PathAttributes communities(int n) {
        List<Long> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.add(65000L << 16 | i);
        }
        return PathAttributes.of(new Communities(c));
    }

    /** The largest UPDATE a session sends for the route: 4-octet AS, ADD-PATH, the iBGP or eBGP defaults. */
    private static int largest(PathAttributes a, Nlri nlri, IpAddress nextHop) {
        int max = 0;
        for (PathAttributes withDefaults : List.of(
                a.with(Origin.IGP).with(AsPath.EMPTY).with(new LocalPref(100)),
                a.with(Origin.IGP).with(AsPath.sequence(4_200_000_000L)))) {
            PathAttributes attrs = nextHop.isIpv4() ? withDefaults.with(new NextHop(nextHop)) : withDefaults;
            SessionOptions addPath = SessionOptions.DEFAULT.withAddPath(java.util.Set.of(),
                    java.util.Set.of(nlri.family())).withMaxMessageSize(SessionOptions.EXTENDED_MAX);
            Bytes mp = Bytes.of(nextHop.isIpv4() ? new byte[4] : new byte[16]);
            for (byte[] m : UpdatePacker.announce(attrs, mp, NlriBlock.of(nlri.family(), true, List.of(nlri)),
                    addPath, 1)) {
                max = Math.max(max, m.length);
            }
        }
        return max;
    }

    @Test
    void whatItAcceptsFitsEverySessionAndWhatItRefusesDoesNot() {
        for (String prefix : List.of("10.0.0.0/24", "2001:db8::/48")) {
            Nlri nlri = InetNlri.of(prefix);
            for (String nh : List.of("192.0.2.1", "2001:db8::1")) {
                IpAddress nextHop = IpAddress.parse(nh);
                int accepted = 0;
                for (int n = 990; n < 1030; n++) {
                    PathAttributes a = communities(n);
                    int bytes = largest(a, nlri, nextHop);
                    String problem = UpdateFit.problem(a, nlri, -1, Optional.of(nextHop));
                    if (problem == null) {
                        accepted++;
                        assertTrue(bytes <= UpdateFit.MAX, prefix + " via " + nh + " with " + n + ": " + bytes);
                    } else {
                        assertTrue(bytes > UpdateFit.MAX - 16, "refused " + bytes + " bytes: at most 16 too strict");
                    }
                }
                assertTrue(accepted > 0 && accepted < 40, "the bound lies in the range tried");
            }
        }
    }

    @Test
    void nextHopSelfCountsTheLargerAddressAndSplitTheLongerPrefix() {
        Nlri v4 = InetNlri.of("10.0.0.0/8");
        Optional<IpAddress> ipv4 = Optional.of(IpAddress.parse("192.0.2.1"));
        int fits = 900;
        while (UpdateFit.problem(communities(fits + 1), v4, -1, ipv4) == null) {
            fits++;
        }
        PathAttributes most = communities(fits);
        assertNull(UpdateFit.problem(most, v4, -1, ipv4));
        assertNotNull(UpdateFit.problem(most, v4, -1, Optional.empty()), "self may be an IPv6 address: MP_REACH");
        assertNotNull(UpdateFit.problem(most, v4, 32, ipv4), "split /32: three more address bytes each");
    }

    /**
     * The shortcut for plain prefixes (attributes small enough for any prefix and next hop, nothing measured) gives
     * what measuring gives: for each family of plain prefixes, every length and split, every kind of next hop, and
     * attribute sizes around the shortcut's bound.
     */
    @Test
    void theShortcutForPlainPrefixesAgreesWithMeasuring() {
        List<Optional<IpAddress>> nextHops = List.of(Optional.empty(), Optional.of(IpAddress.parse("192.0.2.1")),
                Optional.of(IpAddress.parse("2001:db8::1")));
        int checked = 0;
        for (Family family : List.of(Family.IPV4_UNICAST, new Family(Family.AFI_IPV4, Family.SAFI_MULTICAST),
                Family.IPV6_UNICAST, new Family(Family.AFI_IPV6, Family.SAFI_MULTICAST))) {
            int max = family.afi() == Family.AFI_IPV4 ? 32 : 128;
            String base = family.afi() == Family.AFI_IPV4 ? "10.0.0.0" : "2001:db8::";
            for (int length = 0; length <= max; length += family.afi() == Family.AFI_IPV4 ? 1 : 8) {
                Nlri nlri = new InetNlri(family, Nlri.NO_PATH_ID,
                        org.bgpekko.wire.nlri.IpPrefix.parse(base + "/" + length));
                for (int split : new int[] {-1, length, Math.min(max, length + 8), max}) {
                    for (Optional<IpAddress> nh : nextHops) {
                        for (int bytes = UpdateFit.MAX - UpdateFit.INET_WORST - 40; bytes <= UpdateFit.MAX; bytes++) {
                            String fast = UpdateFit.problem(bytes, nlri, split, nh);
                            String measured = UpdateFit.measured(bytes, nlri, split, nh);
                            assertTrue(java.util.Objects.equals(fast, measured), family + " /" + length + " split "
                                    + split + " via " + nh + ", " + bytes + " bytes: " + fast + " / " + measured);
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 10_000);
        // the bound is tight: the worst plain route (IPv6 /128 split nothing, next hop self) fits exactly at it
        Nlri worst = new InetNlri(Family.IPV6_UNICAST, Nlri.NO_PATH_ID,
                org.bgpekko.wire.nlri.IpPrefix.parse("2001:db8::1/128"));
        assertNull(UpdateFit.measured(UpdateFit.MAX - UpdateFit.INET_WORST + 8, worst, -1, Optional.empty()),
                "only a route distinguisher, which a plain prefix never has, separates the bound from the worst case");
        assertNotNull(UpdateFit.measured(UpdateFit.MAX - UpdateFit.INET_WORST + 9, worst, -1, Optional.empty()));
    }
}
