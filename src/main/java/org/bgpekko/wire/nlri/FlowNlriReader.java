// Reads and validates the components of one FlowSpec NLRI (RFC 8955 section 4.2, RFC 8956 section 3).
package org.bgpekko.wire.nlri;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Family;

/**
 * Malformed (RFC 8955 section 4.2): an unknown component type for the AFI, types not in increasing order or
 * repeated, a prefix longer than the address, an IPv6 offset not below its length, a value or prefix running past
 * the NLRI, or an operator list without its end-of-list bit. Reserved operator bits and the and bit of a first
 * pair are kept as received ("ignored on decoding").
 *
 * <p>IPv6 prefixes: ExaBGP writes the whole prefix (ceil(length/8) bytes) whatever the offset, where RFC 8956
 * writes only the bits after the offset. Both layouts are read: ExaBGP's first (what bgpekko and ExaBGP send), RFC
 * 8956's when the rest of the NLRI does not parse after ExaBGP's. When both take the same number of bytes (an offset
 * below 8) they cannot be told apart and ExaBGP's reading is kept.
 */
final class FlowNlriReader {
    private FlowNlriReader() {}

    /** Why the components in b[p, end) are malformed, or null. */
    static String check(int afi, byte[] b, int p, int end) {
        return parse(afi, b, p, end, 0, null);
    }

    /** The components in b[p, end), which {@link #check} accepted. */
    static List<FlowComponent> read(int afi, byte[] b, int p, int end) {
        List<FlowComponent> out = new ArrayList<>();
        String error = parse(afi, b, p, end, 0, out);
        if (error != null) {
            throw new IllegalArgumentException("malformed FlowSpec NLRI: " + error);
        }
        return out;
    }

    /** Parses the components from p to end after type {@code last}; appends them to out when it is not null. */
    private static String parse(int afi, byte[] b, int p, int end, int last, List<FlowComponent> out) {
        while (p < end) {
            int code = b[p] & 0xFF;
            FlowComponentType type = FlowComponentType.of(afi, code);
            if (type == null) {
                return "unknown component type " + code;
            }
            if (code <= last) {
                return "component type " + code + " after type " + last + " (types must increase, each once)";
            }
            last = code;
            p++;
            if (type.kind() == FlowComponentType.Kind.PREFIX) {
                if (afi == Family.AFI_IPV6) {
                    return ipv6Prefix(b, p, end, code, out); // it parses the rest itself
                }
                if (p >= end) {
                    return truncated(code);
                }
                int bits = b[p] & 0xFF;
                if (bits > 32) {
                    return "prefix length " + bits + " in component " + code;
                }
                int n = (bits + 7) >>> 3;
                if (p + 1 + n > end) {
                    return truncated(code);
                }
                if (out != null) {
                    out.add(new FlowPrefix(code, IpPrefix.read(Family.AFI_IPV4, b, p + 1, bits), 0));
                }
                p += 1 + n;
                continue;
            }
            List<FlowOp> ops = out == null ? null : new ArrayList<>();
            while (true) {
                if (p >= end) {
                    return "component " + code + " ends without its end-of-list bit";
                }
                int op = b[p] & 0xFF;
                int len = 1 << ((op >> 4) & 3);
                if (p + 1 + len > end) {
                    return truncated(code);
                }
                if (ops != null) {
                    long v = 0;
                    for (int i = 0; i < len; i++) {
                        v = v << 8 | b[p + 1 + i] & 0xFF;
                    }
                    ops.add(new FlowOp(op & ~(FlowOp.END_OF_LIST | FlowOp.LENGTH_FIELD), len, v));
                }
                p += 1 + len;
                if ((op & FlowOp.END_OF_LIST) != 0) {
                    break;
                }
            }
            if (out != null) {
                out.add(new FlowMatch(code, ops));
            }
        }
        return null;
    }

    private static String ipv6Prefix(byte[] b, int p, int end, int code, List<FlowComponent> out) {
        if (p + 2 > end) {
            return truncated(code);
        }
        int bits = b[p] & 0xFF;
        int offset = b[p + 1] & 0xFF;
        if (bits > 128) {
            return "prefix length " + bits + " in component " + code;
        }
        String problem = FlowPrefix.offsetProblem(bits, offset);
        if (problem != null) {
            return problem + " in component " + code;
        }
        int whole = (bits + 7) >>> 3;
        int pattern = (bits - offset + 7) >>> 3;
        int mark = out == null ? 0 : out.size();
        String error = null;
        for (int n : new int[] {whole, pattern}) {
            if (n == pattern && pattern == whole && error != null) {
                break; // the same bytes follow: the same error
            }
            if (p + 2 + n > end) {
                error = truncated(code);
                continue;
            }
            String rest = parse(Family.AFI_IPV6, b, p + 2 + n, end, code, out);
            if (rest == null) {
                if (out != null) {
                    IpPrefix prefix = n == whole ? IpPrefix.read(Family.AFI_IPV6, b, p + 2, bits)
                            : fromPattern(b, p + 2, bits, offset);
                    out.add(mark, new FlowPrefix(code, prefix, offset));
                }
                return null;
            }
            error = rest;
            if (out != null) {
                out.subList(mark, out.size()).clear();
            }
        }
        return error;
    }

    /** The prefix whose bits offset..length-1 are the pattern at b[p] (RFC 8956 section 3.1); the rest is 0. */
    private static IpPrefix fromPattern(byte[] b, int p, int bits, int offset) {
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < bits - offset; i++) {
            if ((b[p + (i >>> 3)] >>> (7 - (i & 7)) & 1) != 0) {
                int a = offset + i;
                if (a < 64) {
                    hi |= 1L << (63 - a);
                } else {
                    lo |= 1L << (127 - a);
                }
            }
        }
        return new IpPrefix(Family.AFI_IPV6, hi, lo, bits);
    }

    private static String truncated(int code) {
        return "component " + code + " runs past the end of the NLRI";
    }
}
