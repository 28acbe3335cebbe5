// Writes one configured route as an ExaBGP route line that parses back to the same route: readable keywords
// where the syntax can say it exactly, "attribute [ CODE FLAGS 0xVALUE ]" where it cannot.
package org.bgpekko.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.attribute.Aggregator;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.AtomicAggregate;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.attribute.ClusterList;
import org.bgpekko.wire.attribute.Communities;
import org.bgpekko.wire.attribute.ExtendedCommunities;
import org.bgpekko.wire.attribute.ExtendedCommunity;
import org.bgpekko.wire.attribute.LargeCommunities;
import org.bgpekko.wire.attribute.LargeCommunity;
import org.bgpekko.wire.attribute.LocalPref;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.OriginatorId;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.UnknownAttribute;
import org.bgpekko.wire.nlri.LabeledNlri;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.VpnNlri;

final class RouteText {
    private static final Path NOWHERE = Path.of("dump");

    private RouteText() {}

    /** The words after "route" (static) or after the SAFI (announce), without the final ';'. */
    static String words(RouteConfig r) {
        StringBuilder sb = new StringBuilder(128);
        Nlri n = r.nlri();
        if (!n.hasPrefix()) {
            sb.append(FamilyRouteText.nlriWords(n));
        } else {
            prefixWords(sb, n);
        }
        sb.append(" next-hop ").append(r.nextHop().map(Object::toString).orElse("self"));
        for (PathAttribute a : r.attributes().list()) {
            sb.append(' ').append(attribute(a));
        }
        if (r.split() >= 0) {
            sb.append(" split /").append(r.split());
        }
        if (r.name() != null) {
            sb.append(" name ").append(ConfigDump.quote(r.name()));
        }
        if (r.watchdog() != null) {
            sb.append(" watchdog ").append(ConfigDump.quote(r.watchdog()));
        }
        if (r.withdrawn()) {
            sb.append(" withdraw");
        }
        return sb.toString();
    }

    private static void prefixWords(StringBuilder sb, Nlri n) {
        sb.append(n.prefix());
        if (n instanceof VpnNlri v) {
            sb.append(" rd ").append(v.rd());
            labels(sb, v.labels());
        } else if (n instanceof LabeledNlri l) {
            labels(sb, l.labels());
        }
        if (n.pathId() != Nlri.NO_PATH_ID) {
            sb.append(" path-information ").append(n.pathId());
        }
    }

    /** True when "route WORDS" in a static section gives this route's family back (else it goes to announce). */
    static boolean staticForm(RouteConfig r) {
        Nlri n = r.nlri();
        int safi = n.family().safi();
        return n instanceof VpnNlri || (n instanceof LabeledNlri l && !l.labels().entries().isEmpty())
                || safi == org.bgpekko.wire.Family.SAFI_UNICAST;
    }

    private static void labels(StringBuilder sb, Labels labels) {
        if (labels.size() > 0) {
            sb.append(" label [");
            for (int i = 0; i < labels.size(); i++) {
                sb.append(' ').append(labels.label(i));
            }
            sb.append(" ]");
        }
    }

    static String attribute(PathAttribute a) {
        if (a instanceof Origin o && o.value() <= 2) {
            return "origin " + o.name();
        } else if (a instanceof AsPath p && reparses(p)) {
            return "as-path [ " + asPath(p) + "]";
        } else if (a instanceof MultiExitDisc m) {
            return "med " + m.value();
        } else if (a instanceof LocalPref l) {
            return "local-preference " + l.value();
        } else if (a instanceof AtomicAggregate) {
            return "atomic-aggregate";
        } else if (a instanceof Aggregator g) {
            return "aggregator ( " + g.as() + ":" + Wire.ipv4(g.address()) + " )";
        } else if (a instanceof Communities c && !c.values().isEmpty()) {
            return "community [ " + c.values().stream().map(v -> (v >>> 16) + ":" + (v & 0xFFFF))
                    .collect(Collectors.joining(" ")) + " ]";
        } else if (a instanceof LargeCommunities l && !l.values().isEmpty()) {
            return "large-community [ " + l.values().stream().map(RouteText::large)
                    .collect(Collectors.joining(" ")) + " ]";
        } else if (a instanceof ExtendedCommunities e && !e.values().isEmpty()) {
            return "extended-community [ " + e.values().stream().map(RouteText::extended)
                    .collect(Collectors.joining(" ")) + " ]";
        } else if (a instanceof OriginatorId o) {
            return "originator-id " + Wire.ipv4(o.id());
        } else if (a instanceof ClusterList c && !c.ids().isEmpty()) {
            return "cluster-list [ " + c.ids().stream().map(Wire::ipv4).collect(Collectors.joining(" ")) + " ]";
        }
        return generic(a);
    }

    private static String large(LargeCommunity c) {
        return c.global() + ":" + c.local1() + ":" + c.local2();
    }

    /** A readable form when the parser reads it back to the same value, else the 0x form. */
    private static String extended(ExtendedCommunity c) {
        List<String> candidates = new ArrayList<>();
        String kind = c.subtype() == ExtendedCommunity.SUB_ROUTE_TARGET ? "target"
                : c.subtype() == ExtendedCommunity.SUB_ROUTE_ORIGIN ? "origin" : null;
        if (kind != null) {
            long v = c.value();
            switch (c.type()) {
                case 0x00 -> candidates.add(kind + ":" + ((v >>> 32) & 0xFFFF) + ":" + (v & 0xFFFFFFFFL));
                case 0x01 -> {
                    candidates.add(kind + ":" + Wire.ipv4((v >>> 16) & 0xFFFFFFFFL) + ":" + (v & 0xFFFF));
                    candidates.add(kind + "4:" + ((v >>> 16) & 0xFFFFFFFFL) + ":" + (v & 0xFFFF));
                }
                default -> { }
            }
        }
        for (String s : candidates) {
            try {
                Words w = new Words(NOWHERE, new Statement(List.of(), new Token(";", 1, 1, false)), 0);
                if (AttributeParsers.extendedCommunity(w, new Token(s, 1, 1, false)).equals(c)) {
                    return s;
                }
            } catch (ConfigException e) {
                // not this form
            }
        }
        return String.format("0x%016x", c.value());
    }

    /** The parser builds AS_SEQUENCE runs of at most 255 and one AS_SET per parenthesis: is this such a path? */
    private static boolean reparses(AsPath p) {
        List<AsPathSegment> segs = p.segments();
        for (int i = 0; i < segs.size(); i++) {
            AsPathSegment s = segs.get(i);
            boolean seq = s.type() == AsPathSegment.AS_SEQUENCE;
            if (!seq && s.type() != AsPathSegment.AS_SET || s.asns().isEmpty()) {
                return false;
            }
            boolean nextSeq = i + 1 < segs.size() && segs.get(i + 1).type() == AsPathSegment.AS_SEQUENCE;
            if (seq && nextSeq && s.asns().size() != 255) {
                return false;
            }
        }
        return true;
    }

    private static String asPath(AsPath p) {
        StringBuilder sb = new StringBuilder();
        for (AsPathSegment s : p.segments()) {
            boolean set = s.type() == AsPathSegment.AS_SET;
            sb.append(set ? "( " : "");
            s.asns().forEach(as -> sb.append(as).append(' '));
            sb.append(set ? ") " : "");
        }
        return sb.toString();
    }

    private static String generic(PathAttribute a) {
        String hex;
        if (a instanceof UnknownAttribute u) {
            hex = u.value().hex();
        } else {
            WireWriter w = new WireWriter(64);
            AttributeCodecs.get(a.typeCode()).encodeValue(a, w, SessionOptions.DEFAULT);
            hex = Hex.encode(w.toArray(), 0, w.position());
        }
        return "attribute [ " + a.typeCode() + " 0x" + String.format("%02x", AttributeCodecs.flags(a)) + " 0x"
                + hex.toLowerCase(java.util.Locale.ROOT) + " ]";
    }
}
