// The NLRI words of a configured VPLS, MVPN or MUP route, as MvpnWords, MupWords and VplsWords read them back.
package org.bgpekko.config;

import org.bgpekko.wire.nlri.MupNlri;
import org.bgpekko.wire.nlri.MvpnNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.VplsNlri;
import org.bgpekko.wire.nlri.mup.MupRoute;
import org.bgpekko.wire.nlri.mvpn.MvpnRoute;

final class FamilyRouteText {
    private FamilyRouteText() {}

    /** The words before "next-hop" of a route the configuration can hold. */
    static String nlriWords(Nlri n) {
        if (n instanceof VplsNlri v) {
            return "endpoint " + v.endpoint() + " base " + v.base() + " offset " + v.offset() + " size " + v.size()
                    + " rd " + v.rd();
        }
        if (n instanceof MvpnNlri m) {
            MvpnRoute r = MvpnRoute.of(m);
            if (r instanceof MvpnRoute.SourceAd s) {
                return "source-ad source " + s.source() + " group " + s.group() + " rd " + s.rd();
            }
            if (r instanceof MvpnRoute.CMulticast c) {
                return (c.routeType() == MvpnRoute.SHARED_JOIN ? "shared-join rp " : "source-join source ")
                        + c.source() + " group " + c.group() + " rd " + c.rd() + " source-as " + c.sourceAs();
            }
        }
        if (n instanceof MupNlri m) {
            MupRoute r = MupRoute.of(m);
            if (r instanceof MupRoute.Isd i) {
                return "mup-isd " + i.prefix() + " rd " + i.rd();
            }
            if (r instanceof MupRoute.Dsd d) {
                return "mup-dsd " + d.address() + " rd " + d.rd();
            }
            if (r instanceof MupRoute.T1st t) {
                return "mup-t1st " + t.prefix() + " rd " + t.rd() + " teid " + t.teid() + " qfi " + t.qfi()
                        + " endpoint " + t.endpoint() + (t.source() == null ? "" : " source " + t.source());
            }
            if (r instanceof MupRoute.T2st t) {
                return "mup-t2st " + t.endpoint() + " rd " + t.rd() + " teid " + t.teid() + "/"
                        + (t.endpointLength() - t.endpoint().bits());
            }
        }
        throw new IllegalArgumentException(n + " is not a route a configuration can hold");
    }
}
