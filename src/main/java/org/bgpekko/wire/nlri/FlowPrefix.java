// The destination (type 1) or source (type 2) prefix of a FlowSpec NLRI; IPv6 adds an offset (RFC 8956).
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;

/**
 * @param prefix the address and its length; bits before {@code offset} are "don't care" (RFC 8956 section 3.1)
 * @param offset IPv6 only: the number of leading bits not matched; 0 for IPv4
 */
public record FlowPrefix(int type, IpPrefix prefix, int offset) implements FlowComponent {
    public static final int DESTINATION = 1;
    public static final int SOURCE = 2;

    public FlowPrefix {
        if (type != DESTINATION && type != SOURCE) {
            throw new IllegalArgumentException("a flow prefix component is type 1 or 2, not " + type);
        }
        if (prefix.afi() == Family.AFI_IPV4 && offset != 0) {
            throw new IllegalArgumentException("an IPv4 flow prefix has no offset");
        }
        String problem = offsetProblem(prefix.length(), offset);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why an IPv6 length/offset pair is invalid (RFC 8956: offset < length, or both 0), or null. */
    static String offsetProblem(int length, int offset) {
        if (offset == 0 || offset < length) {
            return null;
        }
        return "offset " + offset + " must be smaller than the prefix length " + length;
    }

    public static FlowPrefix destination(IpPrefix prefix) {
        return new FlowPrefix(DESTINATION, prefix, 0);
    }

    public static FlowPrefix source(IpPrefix prefix) {
        return new FlowPrefix(SOURCE, prefix, 0);
    }
}
