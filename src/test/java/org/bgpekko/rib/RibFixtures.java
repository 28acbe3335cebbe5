// Building UPDATEs and NLRI for the Adj-RIB-In tests.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.VpnNlri;

final class RibFixtures {
    static final NlriBlock NO_V4 = NlriBlock.empty(Family.IPV4_UNICAST);
    static final Bytes NH6 = Bytes.fromHex("20010DB8000000000000000000000001");
    /** A VPN-IPv4 next hop: zero RD and 192.0.2.1. */
    static final Bytes NH_VPN4 = Bytes.fromHex("0000000000000000C0000201");

    private RibFixtures() {}

    static PathAttributes attrs(long med) {
        return PathAttributes.of(Origin.IGP, AsPath.sequence(64500L, 65001L), NextHop.of("192.0.2.1"),
                new MultiExitDisc(med));
    }

    static InetNlri inet(String prefix) {
        return InetNlri.of(prefix);
    }

    static InetNlri inet(long pathId, String prefix) {
        IpPrefix p = IpPrefix.parse(prefix);
        return new InetNlri(new Family(p.afi(), Family.SAFI_UNICAST), pathId, p);
    }

    static VpnNlri vpn(String rd, String prefix, int... labels) {
        return new VpnNlri(Family.IPV4_MPLS_VPN, Nlri.NO_PATH_ID, Labels.of(labels), RouteDistinguisher.parse(rd),
                IpPrefix.parse(prefix));
    }

    static NlriBlock v4(String... prefixes) {
        List<Nlri> items = new ArrayList<>();
        for (String p : prefixes) {
            items.add(inet(p));
        }
        return NlriBlock.of(Family.IPV4_UNICAST, false, items);
    }

    static NlriBlock block(Family family, boolean addPath, Nlri... items) {
        return NlriBlock.of(family, addPath, items);
    }

    static Update announce(PathAttributes a, String... prefixes) {
        return new Update(NO_V4, a, v4(prefixes));
    }

    static Update withdraw(String... prefixes) {
        return new Update(v4(prefixes), PathAttributes.EMPTY, NO_V4);
    }

    static Update mpAnnounce(PathAttributes a, Bytes nextHop, NlriBlock nlri) {
        return new Update(NO_V4, a.with(new MpReachNlri(nlri.family(), nextHop, nlri)), NO_V4);
    }

    static Update mpWithdraw(NlriBlock nlri) {
        return new Update(NO_V4, PathAttributes.of(new MpUnreachNlri(nlri.family(), nlri)), NO_V4);
    }

    /** The prefixes of a list of changes, flattened, each as "-prefix" (withdrawn) or "+prefix". */
    static List<String> describe(List<RibChange> changes) {
        List<String> out = new ArrayList<>();
        for (RibChange c : changes) {
            for (Nlri n : c.nlri()) {
                out.add((c.isWithdrawal() ? "-" : "+") + n.prefix());
            }
        }
        return out;
    }
}
