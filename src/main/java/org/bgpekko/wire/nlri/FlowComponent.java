// One component of a FlowSpec NLRI: a prefix (types 1 and 2) or a list of {operator, value} pairs (types 3..13).
package org.bgpekko.wire.nlri;

public sealed interface FlowComponent permits FlowPrefix, FlowMatch {
    /** The component type code (RFC 8955 section 4.2.2, RFC 8956 section 3). */
    int type();
}
