// ExaBGP's text for an NLRI that is no IP prefix: a flow its components, VPLS its own words, the other families
// (MVPN, MUP, EVPN, BGP-LS) only "afi AFI safi SAFI", as ExaBGP's text encoder does for them.
package org.bgpekko.wire.nlri;


public final class NlriText {
    private NlriText() {}

    /**
     * ExaBGP's "extensive" form of an NLRI without an IP prefix.
     *
     * @param nextHop the next hop a VPLS route names (received with MP_REACH_NLRI), or null
     */
    public static String of(Nlri n, String nextHop) {
        if (n instanceof FlowNlri f) {
            return f.toString();
        }
        if (n instanceof VplsNlri v) {
            return "vpls rd " + v.rd() + " endpoint " + v.endpoint() + " base " + v.base() + " offset " + v.offset()
                    + " size " + v.size() + " " + (nextHop == null ? "" : "next-hop " + nextHop);
        }
        return "afi " + n.family().afiName() + " safi " + n.family().safiName();
    }
}
