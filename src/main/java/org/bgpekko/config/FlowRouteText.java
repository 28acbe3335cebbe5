// Writes a flow route as the "route NAME { … }" block that FlowParser reads back to the same route (--dump).
package org.bgpekko.config;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.nlri.FlowComponent;
import org.bgpekko.wire.nlri.FlowComponentType;
import org.bgpekko.wire.nlri.FlowMatch;
import org.bgpekko.wire.nlri.FlowNames;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.FlowOp;
import org.bgpekko.wire.nlri.FlowPrefix;
import org.bgpekko.wire.nlri.FlowText;

final class FlowRouteText {
    private FlowRouteText() {}

    /** The lines of the block, without indentation beyond their nesting ("    " per level). */
    static List<String> lines(RouteConfig r) {
        FlowNlri n = (FlowNlri) r.nlri();
        int afi = n.family().afi();
        List<String> out = new ArrayList<>();
        out.add("route " + (r.name() != null ? ConfigDump.quote(r.name()) + " " : "") + "{");
        if (n.rd() != null) {
            out.add("    rd " + n.rd() + ";");
        }
        if (r.nextHop().isEmpty() || !r.nextHop().get().equals(FlowParser.NO_NEXT_HOP)) {
            out.add("    next-hop " + r.nextHop().map(Object::toString).orElse("self") + ";");
        }
        out.add("    match {");
        for (FlowComponent c : n.components()) {
            String keyword = FlowComponentType.of(afi, c.type()).name(afi).replace("-ipv4", "").replace("-ipv6", "");
            out.add("        " + keyword + " " + values(afi, c) + ";");
        }
        out.add("    }");
        if (!r.attributes().isEmpty()) {
            out.add("    then {");
            for (PathAttribute a : r.attributes().list()) {
                out.add("        " + RouteText.attribute(a) + ";");
            }
            out.add("    }");
        }
        out.add("}");
        return out;
    }

    private static String values(int afi, FlowComponent c) {
        if (c instanceof FlowPrefix p) {
            return p.prefix() + (afi == Family.AFI_IPV6 ? "/" + p.offset() : "");
        }
        FlowMatch m = (FlowMatch) c;
        FlowComponentType type = FlowComponentType.of(afi, m.type());
        List<String> groups = FlowText.groups(m.ops(), op -> (op.and() ? "&" : "") + op(type, op));
        return groups.size() == 1 ? groups.get(0) : "[ " + String.join(" ", groups) + " ]";
    }

    /** One pair as FlowMatchParser reads it, without the '&' of the and bit. */
    private static String op(FlowComponentType type, FlowOp op) {
        int bits = op.flags() & ~FlowOp.AND;
        if (type.kind() == FlowComponentType.Kind.BITMASK) {
            String o = switch (bits) {
                case FlowOp.NOT | FlowOp.MATCH -> "!=";
                case FlowOp.NOT -> "!";
                case FlowOp.MATCH -> "=";
                default -> "";
            };
            String named = FlowNames.bitmask(type, op.value());
            return o + (op.value() == 0 || named.contains("unknown") ? "0x" + Long.toHexString(op.value()) : named);
        }
        String o = switch (bits) {
            case FlowOp.EQ -> "=";
            case FlowOp.GT -> ">";
            case FlowOp.GT | FlowOp.EQ -> ">=";
            case FlowOp.LT -> "<";
            case FlowOp.LT | FlowOp.EQ -> "<=";
            case FlowOp.LT | FlowOp.GT -> "!=";
            case FlowOp.LT | FlowOp.GT | FlowOp.EQ -> "true";
            default -> "false";
        };
        boolean constant = bits == 0 || bits == (FlowOp.LT | FlowOp.GT | FlowOp.EQ);
        if (constant && op.value() == 0) {
            return o;
        }
        return o + (constant ? Long.toString(op.value()) : FlowNames.numeric(type, op.value()));
    }
}
