// ExaBGP's "attribute" object: one member per path attribute, by type code (NEXT_HOP and MP_* excluded).
package org.bgpekko.api.json;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.UpdateError;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.attribute.Aggregator;
import org.bgpekko.wire.attribute.Aigp;
import org.bgpekko.wire.attribute.As4Aggregator;
import org.bgpekko.wire.attribute.As4Path;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.AtomicAggregate;
import org.bgpekko.wire.attribute.ClusterList;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.Ipv6ExtendedCommunities;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LinkState;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.OnlyToCustomer;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.OriginatorId;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.attribute.PrefixSid;
import org.bgpekko.wire.attribute.Srv6Service;
import org.bgpekko.wire.attribute.UnknownAttribute;

public final class AttributeJson {
    private AttributeJson() {}

    /** The members of the attribute object (may be empty), then one "error" member per RFC 7606 action. */
    public static List<String> members(PathAttributes attributes, List<UpdateError> errors) {
        List<String> out = new ArrayList<>();
        for (PathAttribute a : attributes.list()) {
            String m = member(a);
            if (m != null) {
                out.add(m);
            }
        }
        errors.stream().map(e -> e.action().rfcName()).distinct().forEach(a -> out.add(JsonText.ks("error", a)));
        return out;
    }

    static String member(PathAttribute a) {
        if (a instanceof Origin o) {
            return JsonText.ks("origin", o.name());
        } else if (a instanceof AsPath p) {
            // ExaBGP shows no "as-path" member for an empty AS_PATH
            return p.segments().isEmpty() ? null : JsonText.kv("as-path", asPath(p.segments()));
        } else if (a instanceof As4Path p) {
            return JsonText.kv("as4-path", asPath(p.segments()));
        } else if (a instanceof MultiExitDisc m) {
            return JsonText.kv("med", Long.toString(m.value()));
        } else if (a instanceof LocalPref l) {
            return JsonText.kv("local-preference", Long.toString(l.value()));
        } else if (a instanceof AtomicAggregate) {
            return JsonText.kv("atomic-aggregate", "true");
        } else if (a instanceof Aggregator g) {
            return JsonText.ks("aggregator", g.as() + ":" + Wire.ipv4(g.address()));
        } else if (a instanceof As4Aggregator g) {
            return JsonText.ks("as4-aggregator", g.as() + ":" + Wire.ipv4(g.address()));
        } else if (a instanceof Communities c) {
            return JsonText.kv("community", JsonText.list(c.values().stream().sorted()
                    .map(v -> "[ " + (v >>> 16) + ", " + (v & 0xFFFF) + " ]").toList()));
        } else if (a instanceof OriginatorId id) {
            return JsonText.ks("originator-id", Wire.ipv4(id.id()));
        } else if (a instanceof ClusterList cl) {
            return JsonText.kv("cluster-list", JsonText.list(cl.ids().stream().map(i -> JsonText.quote(Wire.ipv4(i))).toList()));
        } else if (a instanceof ExtendedCommunities e) {
            return JsonText.kv("extended-community", JsonText.list(e.values().stream().sorted()
                    .map(c -> "{ \"value\": " + Long.toUnsignedString(c.value()) + ", \"string\": "
                            + JsonText.quote(ExtendedCommunityText.of(c)) + " }").toList()));
        } else if (a instanceof Ipv6ExtendedCommunities e) {
            List<String> texts = e.values().stream().sorted().map(ExtendedCommunityText::of).toList();
            String text = texts.size() == 1 ? texts.get(0) : "[ " + String.join(" ", texts) + " ]";
            return JsonText.ks("attribute-0x19-0xC0", text);
        } else if (a instanceof Aigp g) {
            return JsonText.kv("aigp", Long.toUnsignedString(g.metric()));
        } else if (a instanceof LargeCommunities l) {
            return JsonText.kv("large-community", JsonText.list(l.values().stream().distinct().sorted()
                    .map(c -> "[ " + c.global() + ", " + c.local1() + " , " + c.local2() + " ]").toList()));
        } else if (a instanceof PrefixSid s) {
            return JsonText.kv("bgp-prefix-sid", prefixSid(s));
        } else if (a instanceof LinkState ls) {
            return JsonText.kv("bgp-ls", LinkStateJson.of(ls));
        } else if (a instanceof OnlyToCustomer o) {
            return member(o.asUnknown()); // as ExaBGP d7f4a9293, which does not know type 35
        } else if (a instanceof UnknownAttribute u) {
            int flags = u.transitive() ? u.flags() | PathAttribute.FLAG_PARTIAL : u.flags();
            return JsonText.ks(String.format("attribute-0x%02X-0x%02X", u.typeCode(), flags),
                    "0x" + u.value().hex().toLowerCase(java.util.Locale.ROOT));
        }
        return null; // NEXT_HOP and MP attributes are shown with the NLRI
    }

    /** As Python's json.dumps renders ExaBGP's AS_PATH dictionary. */
    static String asPath(List<AsPathSegment> segments) {
        List<String> parts = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            AsPathSegment s = segments.get(i);
            parts.add("\"" + i + "\": {\"element\": \"" + s.elementName() + "\", \"value\": ["
                    + String.join(", ", s.asns().stream().map(String::valueOf).toList()) + "]}");
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** ExaBGP's Prefix-SID object: one member per TLV, in order. */
    static String prefixSid(PrefixSid s) {
        List<String> parts = new ArrayList<>();
        List<Srv6Service> services = Srv6Service.of(s);
        int service = 0;
        for (PrefixSid.Tlv t : s.tlvs()) {
            switch (t.type()) {
                case PrefixSid.LABEL_INDEX -> parts.add(JsonText.kv("sr-label-index", Long.toString(s.labelIndex())));
                case PrefixSid.ORIGINATOR_SRGB -> parts.add(JsonText.kv("sr-srgbs", "[" + String.join(", ",
                        s.srgbs().stream().map(g -> "[" + g.base() + ", " + g.range() + "]").toList()) + "]"));
                case PrefixSid.SRV6_L3_SERVICE, PrefixSid.SRV6_L2_SERVICE -> parts.add(srv6(services.get(service++)));
                default -> parts.add(JsonText.ks("attribute-not-implemented-" + t.type(), "0x" + t.value().hex()));
            }
        }
        return JsonText.object(parts);
    }

    /**
     * "l3-service" or "l2-service": its SID information. ExaBGP prints the SID and behaviour placeholders
     * unformatted ("%s", %d): here they carry the values.
     */
    private static String srv6(Srv6Service service) {
        List<String> sids = new ArrayList<>();
        for (Srv6Service.SidInformation i : service.sids()) {
            String item = "{ \"sid\": " + JsonText.quote(i.sid().toString()) + ", \"flags\": " + i.flags()
                    + ", \"endpoint_behavior\": " + i.behavior();
            Srv6Service.SidStructure st = i.structure();
            if (st != null) {
                item += ", \"structure\": {\"locator-block-length\": " + st.locatorBlock()
                        + ", \"locator-node-length\": " + st.locatorNode() + ", \"function-length\": " + st.function()
                        + ", \"argument-length\": " + st.argument() + ", \"transposition-length\": "
                        + st.transpositionLength() + ", \"transposition-offset\": " + st.transpositionOffset() + "}";
            }
            sids.add(item + " }");
        }
        String name = service.tlvType() == PrefixSid.SRV6_L3_SERVICE ? "l3-service" : "l2-service";
        return JsonText.kv(name, "[ " + String.join(", ", sids) + " ]");
    }
}
