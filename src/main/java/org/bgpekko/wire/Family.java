// An address family: AFI and SAFI (RFC 4760), named as ExaBGP names them ("ipv4 unicast").
package org.bgpekko.wire;

import java.util.Map;

public record Family(int afi, int safi) implements Comparable<Family> {
    // written out: the generated ones go through method handles, and this is on the path of every route
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Family f && f.afi == afi && f.safi == safi;
    }

    @Override
    public int hashCode() {
        return afi * 31 + safi;
    }

    public static final int AFI_IPV4 = 1;
    public static final int AFI_IPV6 = 2;
    public static final int AFI_L2VPN = 25;
    public static final int AFI_BGPLS = 16388;

    public static final int SAFI_UNICAST = 1;
    public static final int SAFI_MULTICAST = 2;
    public static final int SAFI_NLRI_MPLS = 4;
    public static final int SAFI_MCAST_VPN = 5;
    public static final int SAFI_VPLS = 65;
    public static final int SAFI_EVPN = 70;
    public static final int SAFI_BGPLS = 71;
    public static final int SAFI_BGPLS_VPN = 72;
    public static final int SAFI_SR_POLICY = 73;
    public static final int SAFI_MUP = 85;
    public static final int SAFI_MPLS_VPN = 128;
    public static final int SAFI_RTC = 132;
    public static final int SAFI_FLOW = 133;
    public static final int SAFI_FLOW_VPN = 134;

    public static final Family IPV4_UNICAST = new Family(AFI_IPV4, SAFI_UNICAST);
    public static final Family IPV6_UNICAST = new Family(AFI_IPV6, SAFI_UNICAST);
    public static final Family IPV4_MULTICAST = new Family(AFI_IPV4, SAFI_MULTICAST);
    public static final Family IPV6_MULTICAST = new Family(AFI_IPV6, SAFI_MULTICAST);
    public static final Family IPV4_NLRI_MPLS = new Family(AFI_IPV4, SAFI_NLRI_MPLS);
    public static final Family IPV6_NLRI_MPLS = new Family(AFI_IPV6, SAFI_NLRI_MPLS);
    public static final Family IPV4_MPLS_VPN = new Family(AFI_IPV4, SAFI_MPLS_VPN);
    public static final Family IPV6_MPLS_VPN = new Family(AFI_IPV6, SAFI_MPLS_VPN);
    public static final Family IPV4_FLOW = new Family(AFI_IPV4, SAFI_FLOW);
    public static final Family IPV6_FLOW = new Family(AFI_IPV6, SAFI_FLOW);
    public static final Family IPV4_FLOW_VPN = new Family(AFI_IPV4, SAFI_FLOW_VPN);
    public static final Family IPV6_FLOW_VPN = new Family(AFI_IPV6, SAFI_FLOW_VPN);

    private static final Map<Integer, String> AFI_NAMES = Map.of(
            AFI_IPV4, "ipv4", AFI_IPV6, "ipv6", AFI_L2VPN, "l2vpn", AFI_BGPLS, "bgp-ls");

    private static final Map<Integer, String> SAFI_NAMES = Map.ofEntries(
            Map.entry(SAFI_UNICAST, "unicast"),
            Map.entry(SAFI_MULTICAST, "multicast"),
            Map.entry(SAFI_NLRI_MPLS, "nlri-mpls"),
            Map.entry(SAFI_MCAST_VPN, "mcast-vpn"),
            Map.entry(SAFI_VPLS, "vpls"),
            Map.entry(SAFI_EVPN, "evpn"),
            Map.entry(SAFI_BGPLS, "bgp-ls"),
            Map.entry(SAFI_BGPLS_VPN, "bgp-ls-vpn"),
            Map.entry(SAFI_SR_POLICY, "sr-policy"),
            Map.entry(SAFI_MUP, "mup"),
            Map.entry(SAFI_MPLS_VPN, "mpls-vpn"),
            Map.entry(SAFI_RTC, "rtc"),
            Map.entry(SAFI_FLOW, "flow"),
            Map.entry(SAFI_FLOW_VPN, "flow-vpn"));

    public Family {
        if (afi < 0 || afi > 0xFFFF || safi < 0 || safi > 0xFF) {
            throw new IllegalArgumentException("AFI/SAFI out of range: " + afi + "/" + safi);
        }
    }

    public static String afiName(int afi) {
        String n = AFI_NAMES.get(afi);
        return n != null ? n : "unknown afi " + afi;
    }

    public static String safiName(int safi) {
        String n = SAFI_NAMES.get(safi);
        return n != null ? n : "unknown safi " + safi;
    }

    /** Parses "ipv4 unicast" (or "ipv4-unicast", "ipv4/unicast"). */
    public static Family parse(String text) {
        String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split("[\\s/]+|(?<=ipv[46]|l2vpn|bgp-ls)-", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected 'AFI SAFI', got '" + text + "'");
        }
        Integer afi = key(AFI_NAMES, parts[0]);
        Integer safi = key(SAFI_NAMES, parts[1]);
        if (afi == null) {
            throw new IllegalArgumentException("unknown AFI '" + parts[0] + "'");
        }
        if (safi == null) {
            throw new IllegalArgumentException("unknown SAFI '" + parts[1] + "'");
        }
        return new Family(afi, safi);
    }

    private static Integer key(Map<Integer, String> names, String name) {
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        return null;
    }

    public String afiName() {
        return afiName(afi);
    }

    public String safiName() {
        return safiName(safi);
    }

    /** ExaBGP's "ipv4 unicast". */
    public String exaName() {
        return afiName() + " " + safiName();
    }

    /** Address length in bytes of a prefix of this AFI (4 or 16), or -1. */
    public int addressLength() {
        return afi == AFI_IPV4 ? 4 : afi == AFI_IPV6 ? 16 : -1;
    }

    @Override
    public int compareTo(Family o) {
        return afi != o.afi ? Integer.compare(afi, o.afi) : Integer.compare(safi, o.safi);
    }

    @Override
    public String toString() {
        return exaName();
    }
}
