// What the decision process reads from an attribute set, parsed once per set from its canonical bytes.
package org.bgpekko.rs;

import java.util.Arrays;
import org.bgpekko.wire.Wire;

/**
 * Indexed by the Adj-RIB-In attribute id (the Rib's {@code AttributeStore}); an entry is valid while some candidate
 * holds that id, which keeps the id from being reused ({@link RouteServer} holds one store reference per candidate).
 *
 * <p>The canonical form is the Rib's {@code RouteAttributes}: {@code [next-hop length] [next-hop field]
 * [attributes in type order, AS numbers in four octets]}.
 */
final class Ranks {
    /** LOCAL_PREF when the attribute is absent (RFC 4271 section 9.1.1 leaves it to the speaker; 100 as everywhere). */
    static final long DEFAULT_LOCAL_PREF = 100;

    private long[] localPref = new long[0];
    private int[] asPathLength = new int[0];
    private byte[] origin = new byte[0];
    private long[] med = new long[0];
    private long[] neighborAs = new long[0];
    private int[] nextHopLength = new int[0];
    private int[] canonicalLength = new int[0];
    /** The export attributes for external 4-octet AS clients, by id, computed on first use; and their prefix kind. */
    private ExportAttributes[] export = new ExportAttributes[0];
    private byte[] exportKind = new byte[0];
    /** How many candidates hold each id. */
    private int[] holders = new int[0];
    /**
     * The candidate list {@code [source, id]} last made for a prefix with that one candidate: lists are never edited
     * in place, so the prefixes of one UPDATE (one source, one set) share one array instead of one each.
     */
    private int[][] single = new int[0][];

    /** A candidate takes {@code id}: parsed when it is the first. */
    void hold(int id, byte[] canonical) {
        grow(id);
        if (holders[id]++ == 0) {
            parse(id, canonical);
            export[id] = null;
        }
    }

    /** A candidate lets go of {@code id}. */
    void let(int id) {
        if (--holders[id] == 0) {
            export[id] = null;
            single[id] = null;
        }
    }

    /** The list of one candidate {@code (source, id)}, shared (not to be changed); {@code id} is held. */
    int[] single(int source, int id) {
        int[] s = single[id];
        if (s == null || s[0] != source) {
            s = new int[] {source, id};
            single[id] = s;
        }
        return s;
    }

    ExportAttributes export(int id, int kind) {
        ExportAttributes e = export[id];
        return e != null && exportKind[id] == kind ? e : null;
    }

    void setExport(int id, int kind, ExportAttributes e) {
        export[id] = e;
        exportKind[id] = (byte) kind;
    }

    int holders(int id) {
        return id < holders.length ? holders[id] : 0;
    }

    long localPref(int id) {
        return localPref[id];
    }

    int asPathLength(int id) {
        return asPathLength[id];
    }

    int origin(int id) {
        return origin[id];
    }

    long med(int id) {
        return med[id];
    }

    /** The first AS of the path (the neighbour AS, RFC 4271 section 9.1.2.2 c), 0 when it starts with no sequence. */
    long neighborAs(int id) {
        return neighborAs[id];
    }

    /** The MP_REACH_NLRI next-hop length, 0 for a route of the IPv4 NLRI field. */
    int nextHopLength(int id) {
        return nextHopLength[id];
    }

    /** The length of the canonical bytes (an estimate of the UPDATE's size). */
    int canonicalLength(int id) {
        return canonicalLength[id];
    }

    private void parse(int id, byte[] b) {
        long lp = DEFAULT_LOCAL_PREF;
        int length = 0;
        int org = 2; // INCOMPLETE when absent (never for a route that passed the receive rules)
        long m = 0;
        long first = 0;
        int p = 1 + (b[0] & 0xFF);
        nextHopLength[id] = b[0] & 0xFF;
        canonicalLength[id] = b.length;
        while (p < b.length) {
            int flags = b[p] & 0xFF;
            int type = b[p + 1] & 0xFF;
            boolean ext = (flags & 0x10) != 0;
            int len = ext ? Wire.u16(b, p + 2) : b[p + 2] & 0xFF;
            int v = p + (ext ? 4 : 3);
            switch (type) {
                case 1 -> org = len > 0 ? b[v] & 0xFF : org;
                case 2 -> {
                    for (int s = v; s + 2 <= v + len; ) {
                        int segType = b[s] & 0xFF;
                        int count = b[s + 1] & 0xFF;
                        if (segType == 2 && s == v && count > 0) {
                            first = Wire.u32(b, s + 2);
                        }
                        // RFC 4271 9.1.2.2 a: an AS_SET counts 1; confederation segments count 0 (RFC 5065 5.3)
                        length += segType == 2 ? count : segType == 1 ? 1 : 0;
                        s += 2 + 4 * count;
                    }
                }
                case 4 -> m = len == 4 ? Wire.u32(b, v) : 0;
                case 5 -> lp = len == 4 ? Wire.u32(b, v) : lp;
                default -> { }
            }
            p = v + len;
        }
        localPref[id] = lp;
        asPathLength[id] = length;
        origin[id] = (byte) org;
        med[id] = m;
        neighborAs[id] = first;
    }

    private void grow(int id) {
        if (id < holders.length) {
            return;
        }
        int n = Math.max(id + 1, Math.max(64, holders.length * 2));
        localPref = Arrays.copyOf(localPref, n);
        asPathLength = Arrays.copyOf(asPathLength, n);
        origin = Arrays.copyOf(origin, n);
        med = Arrays.copyOf(med, n);
        neighborAs = Arrays.copyOf(neighborAs, n);
        nextHopLength = Arrays.copyOf(nextHopLength, n);
        canonicalLength = Arrays.copyOf(canonicalLength, n);
        holders = Arrays.copyOf(holders, n);
        export = Arrays.copyOf(export, n);
        exportKind = Arrays.copyOf(exportKind, n);
        single = Arrays.copyOf(single, n);
    }
}
