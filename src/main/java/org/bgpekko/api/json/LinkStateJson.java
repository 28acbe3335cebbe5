// ExaBGP's "bgp-ls" attribute object: one member per BGP-LS Attribute TLV, in order, as ExaBGP names and merges them.
package org.bgpekko.api.json;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.attribute.LinkState;
import org.bgpekko.wire.attribute.LinkStateTlvs;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * A TLV that ExaBGP merges (generic TLVs, local TE router IDs, SR LAN adjacencies, SRv6 End.X and LAN End.X)
 * joins the first member of its type; the others give one member each, so a type seen twice gives its key twice,
 * as ExaBGP writes it. The decoder checked every TLV ({@link LinkStateTlvs#valid}). Where ExaBGP cannot print a TLV
 * (node opaque, link opaque, OSPF forwarding address, SR source router ID) this writes a string instead.
 */
final class LinkStateJson {
    private LinkStateJson() {}

    /** One member being built: its TLV type and the items merged into it. */
    private record Member(int type, List<byte[]> values) {}

    static String of(LinkState ls) {
        List<Member> members = new ArrayList<>();
        for (LinkState.Tlv t : ls.list()) {
            byte[] v = t.value().toArray();
            Member same = merges(t.type()) ? members.stream().filter(m -> m.type() == t.type()).findFirst()
                    .orElse(null) : null;
            if (same != null) {
                same.values().add(v);
            } else {
                List<byte[]> values = new ArrayList<>();
                values.add(v);
                members.add(new Member(t.type(), values));
            }
        }
        List<String> out = new ArrayList<>(members.size());
        members.forEach(m -> out.add(member(m.type(), m.values())));
        return JsonText.object(out);
    }

    private static boolean merges(int type) {
        return switch (type) {
            case LinkStateTlvs.LOCAL_TE_ROUTER_ID_V4, LinkStateTlvs.LOCAL_TE_ROUTER_ID_V6,
                 LinkStateTlvs.SR_ADJACENCY_LAN, LinkStateTlvs.SRV6_END_X, LinkStateTlvs.SRV6_LAN_END_X_ISIS,
                 LinkStateTlvs.SRV6_LAN_END_X_OSPF -> true;
            default -> name(type) == null;
        };
    }

    /** The key of the simple TLVs; null for a type ExaBGP does not know (a generic TLV). */
    private static String name(int type) {
        return switch (type) {
            case LinkStateTlvs.NODE_FLAGS -> "node-flags";
            case LinkStateTlvs.NODE_OPAQUE -> "opaque";
            case LinkStateTlvs.NODE_NAME -> "node-name";
            case LinkStateTlvs.ISIS_AREA -> "area-id";
            case LinkStateTlvs.LOCAL_TE_ROUTER_ID_V4, LinkStateTlvs.LOCAL_TE_ROUTER_ID_V6 -> "local-te-router-ids";
            case LinkStateTlvs.REMOTE_TE_ROUTER_ID_V4, LinkStateTlvs.REMOTE_TE_ROUTER_ID_V6 -> "remote-te-router-id";
            case LinkStateTlvs.SR_ALGORITHMS -> "sr-algorithms";
            case LinkStateTlvs.ADMIN_GROUP -> "admin-group-mask";
            case LinkStateTlvs.MAX_BANDWIDTH -> "maximum-link-bandwidth";
            case LinkStateTlvs.MAX_RESERVABLE_BANDWIDTH -> "maximum-reservable-link-bandwidth";
            case LinkStateTlvs.UNRESERVED_BANDWIDTH -> "unreserved-bandwidth";
            case LinkStateTlvs.TE_METRIC -> "te-metric";
            case LinkStateTlvs.LINK_PROTECTION -> "link-protection-flags";
            case LinkStateTlvs.MPLS_MASK -> "mpls-mask";
            case LinkStateTlvs.IGP_METRIC -> "igp-metric";
            case LinkStateTlvs.SRLG -> "shared-risk-link-groups";
            case LinkStateTlvs.LINK_NAME -> "link-name";
            case LinkStateTlvs.IGP_FLAGS -> "igp-flags";
            case LinkStateTlvs.IGP_ROUTE_TAGS -> "igp-route-tags";
            case LinkStateTlvs.IGP_EXTENDED_ROUTE_TAGS -> "igp-extended-route-tags";
            case LinkStateTlvs.PREFIX_METRIC -> "prefix-metric";
            case LinkStateTlvs.OSPF_FORWARDING_ADDRESS -> "ospf-forwarding-address";
            case LinkStateTlvs.PREFIX_OPAQUE -> "opaque-prefix";
            case LinkStateTlvs.SR_PREFIX_ATTRIBUTE_FLAGS -> "sr-prefix-attribute-flags";
            case LinkStateTlvs.SR_SOURCE_ROUTER_ID -> "sr-source-router-id";
            case LinkStateTlvs.SR_CAPABILITIES, LinkStateTlvs.SRV6_CAPABILITIES, LinkStateTlvs.SR_ADJACENCY,
                 LinkStateTlvs.SR_ADJACENCY_LAN, LinkStateTlvs.SRV6_END_X, LinkStateTlvs.SRV6_LAN_END_X_ISIS,
                 LinkStateTlvs.SRV6_LAN_END_X_OSPF, LinkStateTlvs.SR_PREFIX, LinkStateTlvs.SRV6_LOCATOR,
                 LinkStateTlvs.SRV6_ENDPOINT_BEHAVIOR, LinkStateTlvs.SRV6_SID_STRUCTURE -> "";
            default -> null;
        };
    }

    private static String member(int type, List<byte[]> values) {
        String key = name(type);
        byte[] v = values.get(0);
        if (key == null) {
            return JsonText.quote("generic-lsid-" + type) + ": [" + String.join(", ",
                    values.stream().map(x -> JsonText.quote("0x" + Hex.encode(x))).toList()) + "]";
        }
        if (key.isEmpty()) {
            return SegmentRoutingJson.member(type, values);
        }
        return JsonText.quote(key) + ": " + switch (type) {
            case LinkStateTlvs.NODE_FLAGS, LinkStateTlvs.LINK_PROTECTION, LinkStateTlvs.MPLS_MASK,
                 LinkStateTlvs.IGP_FLAGS, LinkStateTlvs.SR_PREFIX_ATTRIBUTE_FLAGS ->
                    SegmentRoutingJson.flags(type, v[0]);
            case LinkStateTlvs.NODE_NAME, LinkStateTlvs.LINK_NAME, LinkStateTlvs.PREFIX_OPAQUE ->
                    JsonText.quote(new String(v, StandardCharsets.UTF_8));
            case LinkStateTlvs.NODE_OPAQUE -> JsonText.quote("0x" + Hex.encode(v));
            case LinkStateTlvs.ISIS_AREA -> JsonText.quote(new BigInteger(1, v).toString());
            case LinkStateTlvs.LOCAL_TE_ROUTER_ID_V4, LinkStateTlvs.LOCAL_TE_ROUTER_ID_V6 -> "[" + String.join(", ",
                    values.stream().map(x -> JsonText.quote(IpAddress.read(x, 0, x.length).toString())).toList()) + "]";
            case LinkStateTlvs.REMOTE_TE_ROUTER_ID_V4, LinkStateTlvs.REMOTE_TE_ROUTER_ID_V6,
                 LinkStateTlvs.OSPF_FORWARDING_ADDRESS, LinkStateTlvs.SR_SOURCE_ROUTER_ID ->
                    JsonText.quote(IpAddress.read(v, 0, v.length).toString());
            case LinkStateTlvs.SR_ALGORITHMS -> v.length == 0 ? "[0]" : ints(v, 1);
            case LinkStateTlvs.MAX_BANDWIDTH, LinkStateTlvs.MAX_RESERVABLE_BANDWIDTH ->
                    JsonText.pythonFloat(Float.intBitsToFloat(Wire.s32(v, 0)));
            case LinkStateTlvs.UNRESERVED_BANDWIDTH -> {
                List<String> bw = new ArrayList<>(8);
                for (int i = 0; i < 32; i += 4) {
                    bw.add(JsonText.pythonFloat(Float.intBitsToFloat(Wire.s32(v, i))));
                }
                yield "[" + String.join(", ", bw) + "]";
            }
            case LinkStateTlvs.ADMIN_GROUP, LinkStateTlvs.TE_METRIC, LinkStateTlvs.PREFIX_METRIC ->
                    Long.toString(Wire.u32(v, 0));
            case LinkStateTlvs.IGP_METRIC -> Long.toString(new BigInteger(1, v).longValue());
            case LinkStateTlvs.SRLG, LinkStateTlvs.IGP_ROUTE_TAGS -> ints(v, 4);
            default -> ints(v, 8); // extended route tags
        };
    }

    /** Unsigned big-endian integers of {@code size} bytes, as a JSON list. */
    static String ints(byte[] v, int size) {
        List<String> out = new ArrayList<>(v.length / size);
        for (int p = 0; p + size <= v.length; p += size) {
            out.add(new BigInteger(1, java.util.Arrays.copyOfRange(v, p, p + size)).toString());
        }
        return "[" + String.join(", ", out) + "]";
    }
}
