// Reads the {operator, value} pairs of one flow match keyword as ExaBGP does: "=80", ">8080&<8088", "!=tcp",
// "[ SYN RST&FIN&!=push ]"; '&' joins pairs with the and bit, separate words or list items are ORed.
package org.bgpekko.config;

import java.util.List;
import org.bgpekko.wire.nlri.FlowComponentType;
import org.bgpekko.wire.nlri.FlowNames;
import org.bgpekko.wire.nlri.FlowOp;

final class FlowMatchParser {
    private FlowMatchParser() {}

    /** An operator and the text after it. */
    private record Operator(int flags, String rest) {}

    /** Appends the pairs of the words after {@code keyword} (one word or a "[ … ]" list) to {@code into}. */
    static void ops(Words w, String keyword, FlowComponentType type, List<FlowOp> into) {
        boolean bitmask = type.kind() == FlowComponentType.Kind.BITMASK;
        List<Token> items = w.list(keyword + " values");
        if (items.isEmpty()) {
            throw w.error(w.peek(), "missing " + keyword + " values (expected at least one in the list)");
        }
        for (Token t : items) {
            String s = t.text();
            int and = 0;
            while (true) {
                Operator op = bitmask ? bitmask(s) : numeric(w, t, s);
                int amp = op.rest().indexOf('&');
                String value = amp < 0 ? op.rest() : op.rest().substring(0, amp);
                long v;
                if (value.isEmpty() && !bitmask && (op.flags() == 0 || op.flags() == 7)) {
                    v = 0; // "true" and "false" match whatever the value
                } else {
                    try {
                        v = FlowNames.parse(keyword, type, value);
                    } catch (IllegalArgumentException e) {
                        throw w.error(t, e.getMessage() + " in '" + t + "'");
                    }
                }
                into.add(FlowOp.of(op.flags() | and, v, type.width()));
                if (amp < 0) {
                    break;
                }
                s = op.rest().substring(amp + 1);
                if (s.isEmpty()) {
                    throw w.error(t, "'" + t + "' ends with '&' (expected another condition after it)");
                }
                and = FlowOp.AND;
            }
        }
    }

    /** =, >, <, >=, <=, != , true, false; a bare value means =. */
    private static Operator numeric(Words w, Token t, String s) {
        if (s.isEmpty()) {
            throw w.error(t, "missing value in '" + t + "'");
        }
        char c = s.charAt(0);
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (c == '=') {
            return new Operator(FlowOp.EQ, s.substring(1));
        }
        if (c == '>' || c == '<') {
            int op = c == '>' ? FlowOp.GT : FlowOp.LT;
            return s.startsWith("=", 1) ? new Operator(op | FlowOp.EQ, s.substring(2))
                    : new Operator(op, s.substring(1));
        }
        if (c == '!') {
            if (!s.startsWith("!=")) {
                throw w.error(t, "'" + t + "' is not a numeric condition (expected !=, =, <, >, <=, >=)");
            }
            return new Operator(FlowOp.LT | FlowOp.GT, s.substring(2));
        }
        if (lower.startsWith("true")) {
            return new Operator(FlowOp.LT | FlowOp.GT | FlowOp.EQ, s.substring(4));
        }
        if (lower.startsWith("false")) {
            return new Operator(0, s.substring(5));
        }
        return new Operator(FlowOp.EQ, s);
    }

    /** = (match), ! (not), != (not match); a bare value means "any of these bits". */
    private static Operator bitmask(String s) {
        if (s.startsWith("!=")) {
            return new Operator(FlowOp.NOT | FlowOp.MATCH, s.substring(2));
        }
        if (s.startsWith("!")) {
            return new Operator(FlowOp.NOT, s.substring(1));
        }
        if (s.startsWith("=")) {
            return new Operator(FlowOp.MATCH, s.substring(1));
        }
        return new Operator(0, s);
    }
}
