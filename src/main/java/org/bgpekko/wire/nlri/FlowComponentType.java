// The FlowSpec component types (RFC 8955 section 4.2.2 for IPv4, RFC 8956 section 3 for IPv6) with ExaBGP's names.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;

/**
 * Each type has one code for both AFIs; types 3 and 11 have another name for IPv6 and type 13 exists only for IPv6.
 * {@link #width} is the widest value ExaBGP encodes for the type (1, 2 or 4 bytes): values are written in the
 * fewest of 1, 2, 4 bytes that hold them, up to that width.
 */
public enum FlowComponentType {
    DESTINATION(1, "destination-ipv4", "destination-ipv6", Kind.PREFIX, 0),
    SOURCE(2, "source-ipv4", "source-ipv6", Kind.PREFIX, 0),
    PROTOCOL(3, "protocol", "next-header", Kind.NUMERIC, 1),
    PORT(4, "port", "port", Kind.NUMERIC, 2),
    DESTINATION_PORT(5, "destination-port", "destination-port", Kind.NUMERIC, 2),
    SOURCE_PORT(6, "source-port", "source-port", Kind.NUMERIC, 2),
    ICMP_TYPE(7, "icmp-type", "icmp-type", Kind.NUMERIC, 1),
    ICMP_CODE(8, "icmp-code", "icmp-code", Kind.NUMERIC, 1),
    TCP_FLAGS(9, "tcp-flags", "tcp-flags", Kind.BITMASK, 2),
    PACKET_LENGTH(10, "packet-length", "packet-length", Kind.NUMERIC, 2),
    DSCP(11, "dscp", "traffic-class", Kind.NUMERIC, 1),
    FRAGMENT(12, "fragment", "fragment", Kind.BITMASK, 2),
    FLOW_LABEL(13, null, "flow-label", Kind.NUMERIC, 4);

    /** How a component's value is encoded: a prefix, or {operator, value} pairs of one of two operator kinds. */
    public enum Kind { PREFIX, NUMERIC, BITMASK }

    private static final FlowComponentType[] BY_CODE = new FlowComponentType[14];

    static {
        for (FlowComponentType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final String ipv4Name;
    private final String ipv6Name;
    private final Kind kind;
    private final int width;

    FlowComponentType(int code, String ipv4Name, String ipv6Name, Kind kind, int width) {
        this.code = code;
        this.ipv4Name = ipv4Name;
        this.ipv6Name = ipv6Name;
        this.kind = kind;
        this.width = width;
    }

    /** The type of {@code code} in FlowSpec NLRI of {@code afi}, or null when that AFI has no such component. */
    public static FlowComponentType of(int afi, int code) {
        if (code < 1 || code >= BY_CODE.length) {
            return null;
        }
        FlowComponentType t = BY_CODE[code];
        return t.name(afi) == null ? null : t;
    }

    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The widest value ExaBGP writes for this type, in bytes (0 for prefixes). */
    public int width() {
        return width;
    }

    /** ExaBGP's name of the type in an NLRI of {@code afi} ("source-ipv4", "next-header"), or null. */
    public String name(int afi) {
        return afi == Family.AFI_IPV4 ? ipv4Name : afi == Family.AFI_IPV6 ? ipv6Name : null;
    }
}
