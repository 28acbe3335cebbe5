// ExaBGP's text of FlowSpec NLRI: "flow destination-ipv4 10.0.0.1/32 destination-port [ >8080&<8088 =3128 ]".
package org.bgpekko.wire.nlri;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

public final class FlowText {
    private FlowText() {}

    /** Numeric operators (and bit included) as ExaBGP writes them; true and false alone stand without value. */
    private static final Map<Integer, String> NUMERIC = Map.ofEntries(Map.entry(0x04, "<"), Map.entry(0x02, ">"),
            Map.entry(0x01, "="), Map.entry(0x05, "<="), Map.entry(0x03, ">="), Map.entry(0x06, "!="),
            Map.entry(0x47, "&true"), Map.entry(0x44, "&<"), Map.entry(0x42, "&>"), Map.entry(0x41, "&="),
            Map.entry(0x45, "&<="), Map.entry(0x43, "&>="), Map.entry(0x46, "&!="), Map.entry(0x40, "&false"));

    private static final Map<Integer, String> BITMASK = Map.of(0x00, "", 0x02, "!", 0x01, "=", 0x03, "!=",
            0x40, "&", 0x42, "&!", 0x41, "&=", 0x43, "&!=");

    /** The component's name in an NLRI of {@code afi} ("source-ipv4", "next-header"). */
    public static String name(int afi, FlowComponent c) {
        return FlowComponentType.of(afi, c.type()).name(afi);
    }

    /**
     * The component's values as ExaBGP groups them: a pair with the and bit joins the group before it
     * ({@code [ "ack", "cwr&!fin&!ece" ]}); a prefix is one group ("10.0.0.0/24", IPv6 "::1/128/120").
     */
    public static List<String> groups(int afi, FlowComponent c) {
        List<String> out = new ArrayList<>();
        if (c instanceof FlowPrefix p) {
            out.add(p.prefix() + (afi == org.bgpekko.wire.Family.AFI_IPV6 ? "/" + p.offset() : ""));
            return out;
        }
        FlowMatch m = (FlowMatch) c;
        FlowComponentType type = FlowComponentType.of(afi, m.type());
        return groups(m.ops(), op -> op(type, op));
    }

    /** The pairs, each as {@code text} writes it, joined into groups: a pair with the and bit joins the one before. */
    public static List<String> groups(List<FlowOp> ops, Function<FlowOp, String> text) {
        List<String> out = new ArrayList<>();
        StringBuilder group = null;
        for (FlowOp op : ops) {
            if (group != null && !op.and()) {
                out.add(group.toString());
                group = null;
            }
            if (group == null) {
                group = new StringBuilder();
            }
            group.append(text.apply(op));
        }
        if (group != null) {
            out.add(group.toString());
        }
        return out;
    }

    /** One pair: operator then value ("&<8088", "=fin+push", "true"). */
    static String op(FlowComponentType type, FlowOp op) {
        int bits = op.flags() & 0x7F;
        if (type.kind() == FlowComponentType.Kind.BITMASK) {
            String o = BITMASK.getOrDefault(bits, String.format("%02X", bits));
            return o + FlowNames.bitmask(type, op.value());
        }
        if (bits == (FlowOp.LT | FlowOp.GT | FlowOp.EQ)) {
            return "true";
        }
        if (bits == 0) {
            return "false";
        }
        return NUMERIC.getOrDefault(bits, String.format("%02X", bits)) + FlowNames.numeric(type, op.value());
    }

    /** ExaBGP's "flow …" text: each component, then " rd RD" and " next-hop NH" when given (nextHop may be null). */
    public static String extensive(FlowNlri n, String nextHop) {
        StringBuilder sb = new StringBuilder("flow");
        int afi = n.family().afi();
        for (FlowComponent c : n.components()) {
            List<String> groups = groups(afi, c);
            boolean many = c instanceof FlowMatch m && m.ops().size() > 1;
            sb.append(' ').append(name(afi, c)).append(' ')
                    .append(many ? "[ " + String.join(" ", groups) + " ]" : groups.get(0));
        }
        if (n.rd() != null) {
            sb.append(" rd ").append(n.rd());
        }
        if (nextHop != null) {
            sb.append(" next-hop ").append(nextHop);
        }
        return sb.toString();
    }
}
