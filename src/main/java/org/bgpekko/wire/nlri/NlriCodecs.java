// The registry of NLRI codecs by (AFI, SAFI): adding a family is one line here and its codec file.
package org.bgpekko.wire.nlri;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bgpekko.wire.Family;

public final class NlriCodecs {
    private static final Map<Family, NlriCodec> CODECS = new TreeMap<>();

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
    }

    public static Optional<NlriCodec> find(Family family) {
        return Optional.ofNullable(CODECS.get(family));
    }

    public static NlriCodec get(Family family) {
        NlriCodec c = CODECS.get(family);
        if (c == null) {
            throw new IllegalArgumentException("family " + family + " is not supported");
        }
        return c;
    }

    public static boolean supports(Family family) {
        return CODECS.containsKey(family);
    }

    public static java.util.Set<Family> families() {
        return java.util.Collections.unmodifiableSet(CODECS.keySet());
    }
}
