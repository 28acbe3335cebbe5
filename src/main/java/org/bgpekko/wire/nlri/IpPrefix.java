// An IPv4 or IPv6 prefix held in two longs: no per-prefix array, cheap equality and hashing.
package org.bgpekko.wire.nlri;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.WireWriter;

/**
 * Always canonical: address bits beyond {@code length} are cleared on construction, so {@code 10.0.0.1/24} and
 * {@code 10.0.0.0/24} are one prefix wherever they come from (configuration, helpers, received NLRI).
 *
 * @param afi {@link Family#AFI_IPV4} or {@link Family#AFI_IPV6}
 * @param hi upper 64 bits of an IPv6 address (0 for IPv4)
 * @param lo lower 64 bits of an IPv6 address, or the IPv4 address in the low 32 bits
 * @param length prefix length in bits
 */
public record IpPrefix(int afi, long hi, long lo, int length) implements Comparable<IpPrefix> {

    public IpPrefix {
        if (afi != Family.AFI_IPV4 && afi != Family.AFI_IPV6) {
            throw new IllegalArgumentException("AFI must be 1 or 2: " + afi);
        }
        if (length < 0 || length > maxLength(afi)) {
            throw new IllegalArgumentException("prefix length " + length + " out of range for " + Family.afiName(afi));
        }
        if (afi == Family.AFI_IPV4 && (hi != 0 || (lo >>> 32) != 0)) {
            throw new IllegalArgumentException("IPv4 address wider than 32 bits");
        }
        if (afi == Family.AFI_IPV4) {
            lo &= ipv4Mask(length);
        } else {
            hi &= length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
            lo &= length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
        }
    }

    /** The network mask of an IPv4 prefix length, in the low 32 bits. */
    public static long ipv4Mask(int length) {
        return length == 0 ? 0 : 0xFFFFFFFFL << (32 - length) & 0xFFFFFFFFL;
    }

    public static int maxLength(int afi) {
        return afi == Family.AFI_IPV4 ? 32 : 128;
    }

    public static IpPrefix ipv4(long address, int length) {
        return new IpPrefix(Family.AFI_IPV4, 0, address & 0xFFFFFFFFL, length);
    }

    /** Parses "10.0.0.0/8", "2001:db8::/32", or a bare address (host route). */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        IpAddress a = IpAddress.parse(addr);
        int len = slash < 0 ? a.bits() : parseLength(text.substring(slash + 1), a.bits(), text);
        return new IpPrefix(a.afi(), a.hi(), a.lo(), len);
    }

    private static int parseLength(String s, int max, String text) {
        int len;
        try {
            len = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid prefix length in '" + text + "'");
        }
        if (len < 0 || len > max) {
            throw new IllegalArgumentException("prefix length " + len + " out of range 0.." + max + " in '" + text + "'");
        }
        return len;
    }

    public IpAddress address() {
        return new IpAddress(afi, hi, lo);
    }

    /** Number of address bytes a wire NLRI carries for this length. */
    public int wireBytes() {
        return (length + 7) >>> 3;
    }

    /** Reads 'bits' of prefix from b[off..] (ceil(bits/8) bytes). */
    public static IpPrefix read(int afi, byte[] b, int off, int bits) {
        int n = (bits + 7) >>> 3;
        if (afi == Family.AFI_IPV4) {
            long v = 0;
            for (int i = 0; i < 4; i++) {
                v = v << 8 | (i < n ? b[off + i] & 0xFF : 0);
            }
            return new IpPrefix(afi, 0, v, bits);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 16; i++) {
            long by = i < n ? b[off + i] & 0xFF : 0;
            if (i < 8) {
                hi = hi << 8 | by;
            } else {
                lo = lo << 8 | by;
            }
        }
        return new IpPrefix(afi, hi, lo, bits);
    }

    /** Writes the ceil(length/8) significant address bytes. */
    public void writeAddressBytes(WireWriter out) {
        int n = wireBytes();
        if (afi == Family.AFI_IPV4) {
            for (int i = 0; i < n; i++) {
                out.put8((int) (lo >>> (24 - 8 * i)));
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            long word = i < 8 ? hi : lo;
            out.put8((int) (word >>> (56 - 8 * (i & 7))));
        }
    }

    @Override
    public int compareTo(IpPrefix o) {
        if (afi != o.afi) {
            return Integer.compare(afi, o.afi);
        }
        int c = Long.compareUnsigned(hi, o.hi);
        if (c == 0) {
            c = Long.compareUnsigned(lo, o.lo);
        }
        return c != 0 ? c : Integer.compare(length, o.length);
    }

    @Override
    public String toString() {
        return address() + "/" + length;
    }
}
