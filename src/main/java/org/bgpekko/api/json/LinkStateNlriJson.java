// ExaBGP's JSON objects of the BGP-LS node, link, prefix and SRv6 SID NLRI (RFC 9552, RFC 9514).
package org.bgpekko.api.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.nlri.BgpLsNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.bgpls.LinkStateNlri;
import org.bgpekko.wire.nlri.bgpls.NodeDescriptor;

/**
 * As ExaBGP's, "link-identifiers" is always empty (its reader loses TLV 258). Unlike ExaBGP, the RD of a bgp-ls-vpn
 * link is a plain member (ExaBGP's text there is not valid JSON).
 */
final class LinkStateNlriJson {
    private LinkStateNlriJson() {}

    /**
     * @param nextHop the next hop the node and prefix objects show: the MP_REACH_NLRI one, "None" for withdrawals
     */
    static String of(BgpLsNlri n, String nextHop) {
        LinkStateNlri v = LinkStateNlri.of(n);
        List<String> p = new ArrayList<>();
        if (v instanceof LinkStateNlri.Node node) {
            head(p, "bgpls-node", node.identifier(), node.protocolId());
            p.add(JsonText.kv("node-descriptors", descriptors(node.descriptors())));
            p.add(JsonText.ks("nexthop", nextHop));
        } else if (v instanceof LinkStateNlri.Link link) {
            head(p, "bgpls-link", link.identifier(), link.protocolId());
            p.add(JsonText.kv("local-node-descriptors", descriptors(link.local())));
            p.add(JsonText.kv("remote-node-descriptors", descriptors(link.remote())));
            p.add(JsonText.kv("interface-addresses", addresses(link.interfaces())));
            p.add(JsonText.kv("neighbor-addresses", addresses(link.neighbors())));
            p.add(JsonText.kv("multi-topology-ids", JsonText.list(link.topologies().stream()
                    .map(String::valueOf).toList())));
            p.add(JsonText.kv("link-identifiers", JsonText.list(List.of())));
        } else if (v instanceof LinkStateNlri.Prefix prefix) {
            head(p, n.nlriType() == LinkStateNlri.PREFIX_V6 ? "bgpls-prefix-v6" : "bgpls-prefix-v4",
                    prefix.identifier(), prefix.protocolId());
            p.add(JsonText.kv("node-descriptors", descriptors(prefix.descriptors())));
            p.add(JsonText.ks("ip-reachability-tlv", prefix.reachability().toString()));
            p.add(JsonText.ks("ip-reach-prefix", prefix.reachability() + "/" + prefix.reachabilityLength()));
            p.add(JsonText.ks("nexthop", nextHop));
            if (prefix.ospfRouteType() >= 0) {
                p.add(JsonText.kv("ospf-route-type", Integer.toString(prefix.ospfRouteType())));
            }
        } else if (v instanceof LinkStateNlri.Srv6Sid sid) {
            head(p, "bgpls-srv6sid", sid.identifier(), sid.protocolId());
            p.add(JsonText.kv("node-descriptors", descriptors(sid.descriptors())));
            p.add(JsonText.kv("srv6-sid-descriptors", sidDescriptors(sid.sidDescriptors())));
        } else if (v instanceof LinkStateNlri.Other other) {
            p.add(JsonText.kv("code", Integer.toString(other.nlriType())));
            p.add(JsonText.kv("parsed", "false"));
            p.add(JsonText.ks("raw", FamilyNlriJson.raw(n)));
        }
        if (v.rd() != null) {
            p.add(JsonText.ks("rd", v.rd().toString()));
        }
        return JsonText.object(p);
    }

    private static void head(List<String> p, String type, long identifier, int protocolId) {
        p.add(JsonText.ks("ls-nlri-type", type));
        p.add(JsonText.kv("l3-routing-topology", Long.toUnsignedString(identifier)));
        p.add(JsonText.kv("protocol-id", Integer.toString(protocolId)));
    }

    private static String descriptors(List<NodeDescriptor> nodes) {
        return JsonText.list(nodes.stream().map(LinkStateNlriJson::descriptor).toList());
    }

    private static String descriptor(NodeDescriptor d) {
        List<String> p = new ArrayList<>(3);
        switch (d.type()) {
            case NodeDescriptor.AUTONOMOUS_SYSTEM -> p.add(JsonText.kv("autonomous-system", Long.toString(d.number())));
            case NodeDescriptor.BGP_LS_IDENTIFIER -> p.add(JsonText.ks("bgp-ls-identifier", Long.toString(d.number())));
            case NodeDescriptor.OSPF_AREA -> p.add(JsonText.ks("ospf-area-id", d.address().toString()));
            default -> {
                p.add(JsonText.ks("router-id", d.isoId() != null ? d.isoId() : d.address().toString()));
                if (d.designatedRouter() != null) {
                    p.add(JsonText.ks("designated-router-id", d.designatedRouter().toString()));
                }
                if (d.psn() != 0) {
                    p.add(JsonText.ks("psn", Integer.toString(d.psn())));
                }
            }
        }
        return JsonText.object(p);
    }

    private static String addresses(List<IpAddress> addresses) {
        return JsonText.list(addresses.stream().map(a -> JsonText.quote(a.toString())).toList());
    }

    /** ExaBGP's dictionary: multi-topology IDs (as strings) first, then the SID and generic TLVs as they appear. */
    private static String sidDescriptors(List<LinkStateNlri.Tlv> tlvs) {
        List<String> topologies = new ArrayList<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        members.put("multi-topology-ids", topologies);
        for (LinkStateNlri.Tlv t : tlvs) {
            byte[] v = t.value().toArray();
            if (t.type() == LinkStateNlri.MULTI_TOPOLOGY_ID) {
                topologies.add(JsonText.quote(Integer.toString(Wire.u16(v, 0))));
            } else if (t.type() == LinkStateNlri.SRV6_SID_INFORMATION) {
                members.put("srv6-sid", List.of(JsonText.quote(IpAddress.read(v, 0, 16).toString())));
            } else {
                members.computeIfAbsent("generic-tlv-" + t.type(), k -> new ArrayList<>())
                        .add(JsonText.quote("0x" + Hex.encode(v)));
            }
        }
        List<String> out = new ArrayList<>();
        members.forEach((k, items) -> out.add(JsonText.quote(k) + ": " + (k.equals("srv6-sid") ? items.get(0)
                : "[" + String.join(", ", items) + "]")));
        return "{" + String.join(", ", out) + "}";
    }
}
