// An UPDATE as ExaBGP's text encoder writes it: "announced PREFIX next-hop NH ATTRIBUTES", "withdrawn PREFIX",
// "route eor AFI/SAFI (afi safi)", with ExaBGP's attribute words in type-code order.
package org.bgpekko.api.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bgpekko.api.json.ExtendedCommunityText;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.attribute.Aggregator;
import org.bgpekko.wire.attribute.Aigp;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.AtomicAggregate;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.attribute.ClusterList;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.OnlyToCustomer;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.OriginatorId;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.attribute.PrefixSid;
import org.bgpekko.wire.attribute.UnknownAttribute;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.FlowText;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.LabeledNlri;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriText;
import org.bgpekko.wire.nlri.VpnNlri;

final class UpdateText {
    private UpdateText() {}

    /** The lines between "start" and "end", each without the "neighbor P DIR update " prefix. */
    static List<String> lines(Update u) {
        List<String> out = new ArrayList<>();
        Optional<Family> eor = u.endOfRibFamily();
        if (eor.isPresent()) {
            Family f = eor.get();
            out.add("route eor " + f.afi() + "/" + f.safi() + " (" + f.exaName() + ")");
            return out;
        }
        String attributes = attributes(u.attributes());
        for (Nlri n : u.withdrawn()) {
            out.add("withdrawn " + prefix(n));
        }
        String v4 = u.attributes().get(NextHop.class).map(h -> h.address().toString()).orElse(null);
        for (Nlri n : u.nlri()) {
            out.add(announced(n, v4, attributes));
        }
        u.mpUnreach().map(MpUnreachNlri::nlri).ifPresent(b -> b.forEach(n -> out.add("withdrawn "
                + (n.hasPrefix() ? prefix(n) : NlriText.of(n, null)))));
        u.mpReach().ifPresent(m -> {
            String hop = nextHop(m.nextHop().toArray());
            for (Nlri n : m.nlri()) {
                out.add(announced(n, hop, attributes));
            }
        });
        return out;
    }

    private static String announced(Nlri n, String hop, String attributes) {
        if (n instanceof FlowNlri f) {
            return "announced " + FlowText.extensive(f, hop) + attributes; // the next hop is part of the flow's text
        }
        if (!n.hasPrefix()) {
            return "announced " + NlriText.of(n, hop) + attributes;
        }
        StringBuilder sb = new StringBuilder("announced ").append(prefix(n));
        if (hop != null) {
            sb.append(" next-hop ").append(hop);
        }
        if (n instanceof VpnNlri v) {
            sb.append(" rd ").append(v.rd());
        }
        return sb.append(attributes).toString();
    }

    /** ExaBGP's NLRI prefix: "P[ path-information I][ label …]" (the rd follows the next hop); a flow's text. */
    static String prefix(Nlri n) {
        if (n instanceof FlowNlri f) {
            return f.toString();
        }
        StringBuilder sb = new StringBuilder(n.prefix().toString());
        if (n.pathId() != Nlri.NO_PATH_ID) {
            sb.append(" path-information ").append(Wire.ipv4(n.pathId()));
        }
        Labels labels = n instanceof VpnNlri v ? v.labels() : n instanceof LabeledNlri l ? l.labels() : Labels.NONE;
        if (labels.size() == 1) {
            sb.append(" label ").append(labels.label(0));
        } else if (labels.size() > 1) {
            sb.append(" label [ ");
            for (int i = 0; i < labels.size(); i++) {
                sb.append(labels.label(i)).append(' ');
            }
            sb.append(']');
        }
        return sb.toString();
    }

    private static String nextHop(byte[] b) {
        return switch (b.length) {
            case 4, 16 -> IpAddress.read(b, 0, b.length).toString();
            case 32 -> IpAddress.read(b, 0, 16).toString();
            case 12 -> IpAddress.read(b, 8, 4).toString();
            case 24, 48 -> IpAddress.read(b, 8, 16).toString();
            default -> null;
        };
    }

    /** " origin igp as-path [ 1 2 ] …": each attribute with a leading space, by type code. */
    static String attributes(PathAttributes attributes) {
        StringBuilder sb = new StringBuilder();
        attributes.list().stream().sorted(java.util.Comparator.comparingInt(PathAttribute::typeCode))
                .forEach(a -> sb.append(attribute(a)));
        return sb.toString();
    }

    private static String attribute(PathAttribute a) {
        if (a instanceof NextHop || a instanceof MpReachNlri || a instanceof MpUnreachNlri) {
            return "";
        } else if (a instanceof Origin o) {
            return " origin " + o.name();
        } else if (a instanceof AsPath p) {
            return p.segments().isEmpty() ? "" : " as-path " + asPath(p.segments());
        } else if (a instanceof MultiExitDisc m) {
            return " med " + m.value();
        } else if (a instanceof LocalPref l) {
            return " local-preference " + l.value();
        } else if (a instanceof AtomicAggregate) {
            return " atomic-aggregate";
        } else if (a instanceof Aggregator g) {
            return " aggregator ( " + g.as() + ":" + Wire.ipv4(g.address()) + " )";
        } else if (a instanceof Communities c) {
            return " community " + many(c.values().stream().sorted().map(UpdateText::community).toList());
        } else if (a instanceof OriginatorId o) {
            return " originator-id " + Wire.ipv4(o.id());
        } else if (a instanceof ClusterList c) {
            return " cluster-list " + many(c.ids().stream().map(Wire::ipv4).toList());
        } else if (a instanceof ExtendedCommunities e) {
            return " extended-community " + many(e.values().stream()
                    .sorted((x, y) -> Long.compareUnsigned(x.value(), y.value())).map(ExtendedCommunityText::of)
                    .toList());
        } else if (a instanceof LargeCommunities l) {
            return " large-community " + many(l.values().stream().distinct().sorted()
                    .map(c -> c.global() + ":" + c.local1() + ":" + c.local2()).toList());
        } else if (a instanceof Aigp g) {
            return " aigp " + Long.toUnsignedString(g.metric());
        } else if (a instanceof PrefixSid p) {
            return " bgp-prefix-sid " + PrefixSidText.of(p);
        } else if (a instanceof OnlyToCustomer o) {
            return generic(o.asUnknown()); // as ExaBGP d7f4a9293, which does not know type 35
        }
        return generic(a);
    }

    private static String asPath(List<AsPathSegment> segments) {
        return segments.stream().map(s -> {
            String[] ends = switch (s.type()) {
                case AsPathSegment.AS_SET -> new String[] {"(", ")"};
                case AsPathSegment.AS_CONFED_SEQUENCE -> new String[] {"{(", ")}"};
                case AsPathSegment.AS_CONFED_SET -> new String[] {"{[", "]}"};
                default -> new String[] {"[", "]"};
            };
            return ends[0] + " " + s.asns().stream().map(String::valueOf).collect(Collectors.joining(" ")) + " "
                    + ends[1];
        }).collect(Collectors.joining(" "));
    }

    private static String many(List<String> items) {
        return items.size() == 1 ? items.get(0) : "[ " + String.join(" ", items) + " ]";
    }

    static String community(long v) {
        return switch ((int) v) {
            case 0xFFFFFF01 -> "no-export";
            case 0xFFFFFF02 -> "no-advertise";
            case 0xFFFFFF03 -> "no-export-subconfed";
            case 0xFFFFFF04 -> "no-peer";
            case 0xFFFF029A -> "blackhole";
            default -> (v >>> 16) + ":" + (v & 0xFFFF);
        };
    }

    private static String generic(PathAttribute a) {
        String hex;
        int flags;
        if (a instanceof UnknownAttribute u) {
            hex = u.value().hex();
            flags = u.flags();
        } else {
            WireWriter w = new WireWriter(64);
            AttributeCodecs.get(a.typeCode()).encodeValue(a, w, SessionOptions.DEFAULT);
            hex = org.bgpekko.wire.Hex.encode(w.toArray(), 0, w.position());
            flags = AttributeCodecs.flags(a);
        }
        return String.format(Locale.ROOT, " attribute [ 0x%02X 0x%02X 0x%s ]", a.typeCode(), flags, hex);
    }
}
