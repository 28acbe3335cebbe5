// IPv4 prefixes of the simulation as one long each: the address in bits 8-39, the length in the low byte.
package org.bgpekko.sim;

final class Prefixes {
    private Prefixes() {}

    static long key(long address, int length) {
        return (address & 0xFFFFFFFFL) << 8 | length;
    }

    /** {@code a.b.c.d/len}; host bits must be zero. */
    static long key(String prefix) {
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a prefix (a.b.c.d/len): " + prefix);
        }
        String[] parts = prefix.substring(0, slash).split("\\.");
        int length = Integer.parseInt(prefix.substring(slash + 1));
        if (parts.length != 4 || length < 0 || length > 32) {
            throw new IllegalArgumentException("not an IPv4 prefix: " + prefix);
        }
        long a = 0;
        for (String p : parts) {
            int v = Integer.parseInt(p);
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("not an IPv4 prefix: " + prefix);
            }
            a = a << 8 | v;
        }
        long mask = length == 0 ? 0 : 0xFFFFFFFFL << (32 - length) & 0xFFFFFFFFL;
        if ((a & ~mask) != 0) {
            throw new IllegalArgumentException("host bits set in " + prefix);
        }
        return key(a, length);
    }

    static String text(long key) {
        long a = key >>> 8;
        return (a >>> 24 & 255) + "." + (a >>> 16 & 255) + "." + (a >>> 8 & 255) + "." + (a & 255) + "/" + (key & 255);
    }
}
