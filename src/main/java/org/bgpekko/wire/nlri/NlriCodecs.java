// The registry of NLRI codecs by (AFI, SAFI): adding a family is one line here and its codec file.
package org.bgpekko.wire.nlri;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bgpekko.wire.Family;

public final class NlriCodecs {
    private static final Map<Family, NlriCodec> CODECS = new TreeMap<>();
    /** The same codecs by AFI 1..2 and SAFI: the lookup is on every packed NLRI, a TreeMap walk was measurable. */
    private static final NlriCodec[][] BY_AFI_SAFI = new NlriCodec[3][256];

    static {
        register(new InetNlriCodec(Family.IPV4_UNICAST));
        register(new InetNlriCodec(Family.IPV6_UNICAST));
        register(new InetNlriCodec(Family.IPV4_MULTICAST));
        register(new InetNlriCodec(Family.IPV6_MULTICAST));
        register(new LabeledNlriCodec(Family.IPV4_NLRI_MPLS, false));
        register(new LabeledNlriCodec(Family.IPV6_NLRI_MPLS, false));
        register(new LabeledNlriCodec(Family.IPV4_MPLS_VPN, true));
        register(new LabeledNlriCodec(Family.IPV6_MPLS_VPN, true));
        register(new FlowNlriCodec(Family.IPV4_FLOW));
        register(new FlowNlriCodec(Family.IPV6_FLOW));
        register(new FlowNlriCodec(Family.IPV4_FLOW_VPN));
        register(new FlowNlriCodec(Family.IPV6_FLOW_VPN));
        register(new org.bgpekko.wire.nlri.vpls.VplsCodec());
        register(new org.bgpekko.wire.nlri.mvpn.MvpnCodec(new Family(Family.AFI_IPV4, Family.SAFI_MCAST_VPN)));
        register(new org.bgpekko.wire.nlri.mvpn.MvpnCodec(new Family(Family.AFI_IPV6, Family.SAFI_MCAST_VPN)));
        register(new org.bgpekko.wire.nlri.mup.MupCodec(new Family(Family.AFI_IPV4, Family.SAFI_MUP)));
        register(new org.bgpekko.wire.nlri.mup.MupCodec(new Family(Family.AFI_IPV6, Family.SAFI_MUP)));
        register(new org.bgpekko.wire.nlri.evpn.EvpnCodec());
        register(new org.bgpekko.wire.nlri.bgpls.BgpLsCodec(BgpLsNlri.FAMILY));
        register(new org.bgpekko.wire.nlri.bgpls.BgpLsCodec(BgpLsNlri.VPN_FAMILY));
    }

    private NlriCodecs() {}

    private static void register(NlriCodec codec) {
        CODECS.put(codec.family(), codec);
        Family f = codec.family();
        if (f.afi() < BY_AFI_SAFI.length && f.safi() < 256) {
            BY_AFI_SAFI[f.afi()][f.safi()] = codec;
        }
    }

    private static NlriCodec lookup(Family family) {
        int afi = family.afi();
        int safi = family.safi();
        if (afi > 0 && afi < BY_AFI_SAFI.length && safi >= 0 && safi < 256) {
            return BY_AFI_SAFI[afi][safi];
        }
        return CODECS.get(family);
    }

    public static Optional<NlriCodec> find(Family family) {
        return Optional.ofNullable(lookup(family));
    }

    public static NlriCodec get(Family family) {
        NlriCodec c = lookup(family);
        if (c == null) {
            throw new IllegalArgumentException("family " + family + " is not supported");
        }
        return c;
    }

    public static boolean supports(Family family) {
        return lookup(family) != null;
    }

    public static java.util.Set<Family> families() {
        return java.util.Collections.unmodifiableSet(CODECS.keySet());
    }
}
