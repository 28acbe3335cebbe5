// A FlowSpec component of {operator, value} pairs (types 3 to 13), numeric or bitmask by its type.
package org.bgpekko.wire.nlri;

import java.util.List;

public record FlowMatch(int type, List<FlowOp> ops) implements FlowComponent {
    public FlowMatch {
        ops = List.copyOf(ops);
        if (type < 3 || type > 13) {
            throw new IllegalArgumentException("a flow operator component is type 3..13, not " + type);
        }
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("flow component " + type + " needs at least one operator");
        }
    }
}
