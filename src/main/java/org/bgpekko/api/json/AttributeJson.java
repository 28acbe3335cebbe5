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
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.OriginatorId;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.attribute.PrefixSid;
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

    static String prefixSid(PrefixSid s) {
        List<String> parts = new ArrayList<>();
        long index = s.labelIndex();
        if (index >= 0) {
            parts.add(JsonText.kv("sr-label-index", Long.toString(index)));
        }
        List<PrefixSid.Srgb> srgbs = s.srgbs();
        if (!srgbs.isEmpty()) {
            parts.add(JsonText.kv("sr-srgbs", "[" + String.join(", ",
                    srgbs.stream().map(g -> "[" + g.base() + ", " + g.range() + "]").toList()) + "]"));
        }
        for (PrefixSid.Tlv t : s.tlvs()) {
            if (t.type() != PrefixSid.LABEL_INDEX && t.type() != PrefixSid.ORIGINATOR_SRGB) {
                parts.add(JsonText.ks("tlv-" + t.type(), "0x" + t.value().hex()));
            }
        }
        return JsonText.object(parts);
    }
}
