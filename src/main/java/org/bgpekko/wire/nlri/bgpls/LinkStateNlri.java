// The BGP-LS NLRI types ExaBGP reads (RFC 9552 section 5.2, RFC 9514 section 6): typed views of a BgpLsNlri.
package org.bgpekko.wire.nlri.bgpls;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.nlri.BgpLsNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.RouteDistinguisher;

/**
 * Every view carries the route distinguisher (bgp-ls-vpn, else null), the protocol ID and the 64-bit identifier
 * ExaBGP calls "l3-routing-topology". TLVs ExaBGP ignores in an NLRI are checked for framing and skipped.
 */
public sealed interface LinkStateNlri {
    int NODE = 1;
    int LINK = 2;
    int PREFIX_V4 = 3;
    int PREFIX_V6 = 4;
    int SRV6_SID = 6;

    int LOCAL_NODE = 256;
    int REMOTE_NODE = 257;
    int LINK_ID = 258;
    int IPV4_INTERFACE = 259;
    int IPV4_NEIGHBOR = 260;
    int IPV6_INTERFACE = 261;
    int IPV6_NEIGHBOR = 262;
    int MULTI_TOPOLOGY_ID = 263;
    int OSPF_ROUTE_TYPE = 264;
    int IP_REACHABILITY = 265;
    int SRV6_SID_INFORMATION = 518;

    /** The protocol IDs ExaBGP accepts: IS-IS L1/L2, OSPFv2, direct, static, OSPFv3, and 227. */
    Set<Integer> PROTOCOLS = Set.of(1, 2, 3, 4, 5, 6, 227);

    RouteDistinguisher rd();

    /** Node NLRI: the local node descriptors. */
    record Node(RouteDistinguisher rd, int protocolId, long identifier, List<NodeDescriptor> descriptors)
            implements LinkStateNlri {}

    /** Link NLRI: local and remote node descriptors, then the link descriptors ExaBGP reads. */
    record Link(RouteDistinguisher rd, int protocolId, long identifier, List<NodeDescriptor> local,
                List<NodeDescriptor> remote, List<IpAddress> interfaces, List<IpAddress> neighbors,
                List<Integer> topologies, List<LinkId> linkIds) implements LinkStateNlri {}

    /** Link local/remote identifiers (TLV 258). */
    record LinkId(long local, long remote) {}

    /** IPv4 or IPv6 prefix NLRI; {@code ospfRouteType} is -1 when absent. */
    record Prefix(RouteDistinguisher rd, int protocolId, long identifier, List<NodeDescriptor> descriptors,
                  int ospfRouteType, IpAddress reachability, int reachabilityLength) implements LinkStateNlri {}

    /** SRv6 SID NLRI: local node descriptors, then the SRv6 SID descriptor TLVs in their order. */
    record Srv6Sid(RouteDistinguisher rd, int protocolId, long identifier, List<NodeDescriptor> descriptors,
                   List<Tlv> sidDescriptors) implements LinkStateNlri {}

    /** Another NLRI type: ExaBGP shows its raw bytes. */
    record Other(RouteDistinguisher rd, int nlriType) implements LinkStateNlri {}

    /** One TLV as received. */
    record Tlv(int type, Bytes value) {}

    static boolean isIsis(int protocolId) {
        return protocolId == 1 || protocolId == 2;
    }

    /** The protocols whose router ID ExaBGP reads as an OSPF router ID (its constants for 3, 5, 6 and 227). */
    static boolean isOspfLike(int protocolId) {
        return protocolId == 3 || protocolId == 5 || protocolId == 6 || protocolId == 227;
    }

    static LinkStateNlri of(BgpLsNlri n) {
        byte[] v = n.value().toArray();
        return read(n.family(), n.nlriType(), v, 0, v.length);
    }

    /** Reads the value b[off, off+len) of an NLRI of {@code type}; null when it is malformed. */
    static LinkStateNlri read(Family family, int type, byte[] b, int off, int len) {
        int end = off + len;
        RouteDistinguisher rd = null;
        if (family.safi() == Family.SAFI_BGPLS_VPN) {
            if (len < 8) {
                return null;
            }
            rd = RouteDistinguisher.read(b, off);
            off += 8;
        }
        if (type != NODE && type != LINK && type != PREFIX_V4 && type != PREFIX_V6 && type != SRV6_SID) {
            return new Other(rd, type);
        }
        if (off + 9 > end || !PROTOCOLS.contains(b[off] & 0xFF)) {
            return null;
        }
        int protocol = b[off] & 0xFF;
        long identifier = Wire.u64(b, off + 1);
        List<Tlv> tlvs = tlvs(b, off + 9, end);
        if (tlvs == null) {
            return null;
        }
        return switch (type) {
            case NODE -> node(rd, protocol, identifier, tlvs);
            case LINK -> link(rd, protocol, identifier, tlvs);
            case SRV6_SID -> srv6(rd, protocol, identifier, tlvs);
            default -> prefix(rd, protocol, identifier, tlvs, type == PREFIX_V6 ? 16 : 4);
        };
    }

    private static LinkStateNlri node(RouteDistinguisher rd, int protocol, long id, List<Tlv> tlvs) {
        if (tlvs.isEmpty() || tlvs.get(0).type() != LOCAL_NODE) {
            return null;
        }
        List<NodeDescriptor> nodes = descriptors(tlvs.get(0).value(), protocol);
        return nodes == null ? null : new Node(rd, protocol, id, nodes);
    }

    private static LinkStateNlri link(RouteDistinguisher rd, int protocol, long id, List<Tlv> tlvs) {
        List<NodeDescriptor> local = List.of();
        List<NodeDescriptor> remote = List.of();
        List<IpAddress> interfaces = new ArrayList<>();
        List<IpAddress> neighbors = new ArrayList<>();
        List<Integer> topologies = new ArrayList<>();
        List<LinkId> linkIds = new ArrayList<>();
        for (Tlv t : tlvs) {
            byte[] v = t.value().toArray();
            switch (t.type()) {
                case LOCAL_NODE, REMOTE_NODE -> {
                    List<NodeDescriptor> nodes = descriptors(t.value(), protocol);
                    if (nodes == null) {
                        return null;
                    }
                    if (t.type() == LOCAL_NODE) {
                        local = nodes;
                    } else {
                        remote = nodes;
                    }
                }
                case LINK_ID -> {
                    if (v.length != 8) {
                        return null;
                    }
                    linkIds = List.of(new LinkId(Wire.u32(v, 0), Wire.u32(v, 4)));
                }
                case IPV4_INTERFACE, IPV6_INTERFACE, IPV4_NEIGHBOR, IPV6_NEIGHBOR -> {
                    if (v.length != 4 && v.length != 16) {
                        return null;
                    }
                    IpAddress a = IpAddress.read(v, 0, v.length);
                    (t.type() == IPV4_INTERFACE || t.type() == IPV6_INTERFACE ? interfaces : neighbors).add(a);
                }
                case MULTI_TOPOLOGY_ID -> {
                    if (v.length < 2 || v.length % 2 != 0) {
                        return null;
                    }
                    topologies.add(Wire.u16(v, 0));
                }
                default -> { }
            }
        }
        return new Link(rd, protocol, id, local, remote, interfaces, neighbors, topologies, linkIds);
    }

    private static LinkStateNlri prefix(RouteDistinguisher rd, int protocol, long id, List<Tlv> tlvs, int size) {
        List<NodeDescriptor> local = new ArrayList<>();
        int ospfType = -1;
        IpAddress reach = null;
        int reachLength = 0;
        for (Tlv t : tlvs) {
            byte[] v = t.value().toArray();
            switch (t.type()) {
                case LOCAL_NODE -> {
                    List<NodeDescriptor> nodes = descriptors(t.value(), protocol);
                    if (nodes == null) {
                        return null;
                    }
                    local.addAll(nodes);
                }
                case OSPF_ROUTE_TYPE -> {
                    if (v.length != 1) {
                        return null;
                    }
                    ospfType = v[0] & 0xFF;
                }
                case IP_REACHABILITY -> {
                    if (v.length < 1 || v.length - 1 > size) {
                        return null;
                    }
                    byte[] padded = new byte[size];
                    System.arraycopy(v, 1, padded, 0, v.length - 1);
                    reach = IpAddress.read(padded, 0, size);
                    reachLength = v[0] & 0xFF;
                }
                default -> { }
            }
        }
        return reach == null ? null : new Prefix(rd, protocol, id, local, ospfType, reach, reachLength);
    }

    private static LinkStateNlri srv6(RouteDistinguisher rd, int protocol, long id, List<Tlv> tlvs) {
        if (tlvs.isEmpty() || tlvs.get(0).type() != LOCAL_NODE) {
            return null;
        }
        List<NodeDescriptor> nodes = descriptors(tlvs.get(0).value(), protocol);
        List<Tlv> rest = tlvs.subList(1, tlvs.size());
        for (Tlv t : rest) {
            int n = t.value().length();
            if ((t.type() == SRV6_SID_INFORMATION && n != 16) || (t.type() == MULTI_TOPOLOGY_ID && n < 2)) {
                return null;
            }
        }
        return nodes == null ? null : new Srv6Sid(rd, protocol, id, nodes, List.copyOf(rest));
    }

    /** The node descriptor sub-TLVs of a local or remote node descriptor TLV; null when one is refused. */
    private static List<NodeDescriptor> descriptors(Bytes value, int protocol) {
        byte[] v = value.toArray();
        List<Tlv> subs = tlvs(v, 0, v.length);
        if (subs == null) {
            return null;
        }
        List<NodeDescriptor> out = new ArrayList<>(subs.size());
        for (Tlv s : subs) {
            byte[] sv = s.value().toArray();
            NodeDescriptor d = NodeDescriptor.read(s.type(), sv, 0, sv.length, protocol);
            if (d == null) {
                return null;
            }
            out.add(d);
        }
        return out;
    }

    /** The TLVs (type 2, length 2) filling b[p, end) exactly; null when one overruns. */
    static List<Tlv> tlvs(byte[] b, int p, int end) {
        List<Tlv> out = new ArrayList<>();
        while (p < end) {
            if (p + 4 > end) {
                return null;
            }
            int len = Wire.u16(b, p + 2);
            if (p + 4 + len > end) {
                return null;
            }
            out.add(new Tlv(Wire.u16(b, p), Bytes.of(b, p + 4, len)));
            p += 4 + len;
        }
        return out;
    }
}
