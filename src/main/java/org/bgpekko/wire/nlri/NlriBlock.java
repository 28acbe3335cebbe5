// Many NLRI of one family kept as their validated wire bytes: no object per prefix until one is asked for.
package org.bgpekko.wire.nlri;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.WireWriter;

public final class NlriBlock implements Iterable<Nlri> {
    private static final byte[] NONE = new byte[0];

    private final Family family;
    private final boolean addPath;
    private final byte[] data;
    /** Number of NLRI, or -1 for the opaque bytes of a family without a codec. */
    private final int count;

    private NlriBlock(Family family, boolean addPath, byte[] data, int count) {
        this.family = family;
        this.addPath = addPath;
        this.data = data;
        this.count = count;
    }

    /**
     * The outcome of decoding an NLRI field: a block, or why the field cannot be parsed ({@code error}). A block may
     * leave out NLRI that were delimited but malformed ({@link NlriCodec#malformed}); {@code malformed} then says
     * why the first of them was (RFC 7606 treat-as-withdraw).
     */
    public record Decoding(NlriBlock block, String error, String malformed) {
        public Decoding(NlriBlock block, String error) {
            this(block, error, null);
        }

        public boolean ok() {
            return error == null;
        }
    }

    public static NlriBlock empty(Family family) {
        return new NlriBlock(family, false, NONE, 0);
    }

    /** Validates b[off, end) as NLRI of {@code family}; families without a codec are kept opaque. */
    public static Decoding decode(Family family, byte[] b, int off, int end, boolean addPath) {
        NlriCodec codec = NlriCodecs.find(family).orElse(null);
        if (codec == null) {
            return new Decoding(new NlriBlock(family, false, Arrays.copyOfRange(b, off, end), -1), null);
        }
        int n = 0;
        int p = off;
        if (codec instanceof InetNlriCodec && !addPath) {
            // the hot path: plain prefixes, validated inline
            int maxBits = IpPrefix.maxLength(family.afi());
            while (p < end) {
                int bits = b[p] & 0xFF;
                if (bits > maxBits) {
                    return new Decoding(null, NlriCodec.reason(NlriCodec.BAD_LENGTH) + " at byte " + (p - off));
                }
                p += 1 + ((bits + 7) >>> 3);
                n++;
            }
            if (p > end) {
                return new Decoding(null, NlriCodec.reason(NlriCodec.TRUNCATED) + " at byte " + (end - off));
            }
        } else {
            WireWriter kept = null; // the NLRI kept, once one has been left out
            String malformed = null;
            while (p < end) {
                int next = codec.scan(b, p, end, addPath);
                if (next < 0) {
                    return new Decoding(null, NlriCodec.reason(next) + " at byte " + (p - off));
                }
                String bad = codec.malformed(b, p, next, addPath);
                if (bad != null && kept == null) {
                    kept = new WireWriter(end - off);
                    kept.putBytes(b, off, p - off);
                }
                if (bad != null && malformed == null) {
                    malformed = bad + " at byte " + (p - off);
                } else if (bad == null) {
                    if (kept != null) {
                        kept.putBytes(b, p, next - p);
                    }
                    n++;
                }
                p = next;
            }
            if (kept != null) {
                byte[] data = n == 0 ? NONE : kept.toArray();
                return new Decoding(new NlriBlock(family, addPath, data, n), null, malformed);
            }
        }
        byte[] copy = n == 0 ? NONE : Arrays.copyOfRange(b, off, end);
        return new Decoding(new NlriBlock(family, addPath, copy, n), null);
    }

    /** Encodes items of {@code family}; with addPath a missing path id becomes 0. */
    public static NlriBlock of(Family family, boolean addPath, Collection<? extends Nlri> items) {
        NlriCodec codec = NlriCodecs.get(family);
        WireWriter w = new WireWriter(items.size() * 8);
        for (Nlri n : items) {
            if (!n.family().equals(family)) {
                throw new IllegalArgumentException(n + " is not of family " + family);
            }
            codec.encode(n, addPath, w);
        }
        return new NlriBlock(family, addPath, w.toArray(), items.size());
    }

    public static NlriBlock of(Family family, boolean addPath, Nlri... items) {
        return of(family, addPath, Arrays.asList(items));
    }

    public Family family() {
        return family;
    }

    public boolean addPath() {
        return addPath;
    }

    /** True for a family without a registered codec: the bytes are kept but not interpreted. */
    public boolean isOpaque() {
        return count < 0;
    }

    public int size() {
        return Math.max(count, 0);
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public int byteLength() {
        return data.length;
    }

    public Bytes bytes() {
        return Bytes.of(data, 0, data.length);
    }

    /** Wire length of these NLRI when written with {@code targetAddPath}. */
    public int byteLength(boolean targetAddPath) {
        if (isOpaque() || targetAddPath == addPath) {
            return data.length;
        }
        return data.length + (targetAddPath ? 4 : -4) * count;
    }

    /** Writes all NLRI, adding (as 0) or removing path identifiers to suit {@code targetAddPath}. */
    public void writeTo(WireWriter out, boolean targetAddPath) {
        writeRange(out, 0, data.length, targetAddPath);
    }

    /** Offset after the NLRI that starts at {@code off} in this block's bytes. */
    public int next(int off) {
        return NlriCodecs.get(family).scan(data, off, data.length, addPath);
    }

    /** Writes the NLRI in [from, to) of this block's bytes (NLRI boundaries). */
    public void writeRange(WireWriter out, int from, int to, boolean targetAddPath) {
        if (isOpaque() || targetAddPath == addPath) {
            out.putBytes(data, from, to - from);
            return;
        }
        NlriCodec codec = NlriCodecs.get(family);
        int p = from;
        while (p < to) {
            int next = codec.scan(data, p, to, addPath);
            if (targetAddPath) {
                out.put32(0);
                out.putBytes(data, p, next - p);
            } else {
                out.putBytes(data, p + 4, next - p - 4);
            }
            p = next;
        }
    }

    /** Length of the NLRI at [from, to) written with {@code targetAddPath}. */
    public int rangeLength(int from, int to, int items, boolean targetAddPath) {
        if (isOpaque() || targetAddPath == addPath) {
            return to - from;
        }
        return to - from + (targetAddPath ? 4 : -4) * items;
    }

    /** Receives prefixes without an object per prefix: IPv4 addresses arrive in the low 32 bits of lo. */
    @FunctionalInterface
    public interface PrefixVisitor {
        void prefix(long pathId, long hi, long lo, int length);
    }

    /**
     * Visits every prefix of a unicast or multicast block with no allocation per prefix.
     *
     * @throws IllegalStateException for labeled, VPN and opaque blocks, whose NLRI are more than a prefix
     */
    public void forEachPrefix(PrefixVisitor visitor) {
        if (isOpaque() || !(NlriCodecs.get(family) instanceof InetNlriCodec)) {
            throw new IllegalStateException("forEachPrefix needs a unicast or multicast block, not " + family);
        }
        boolean v4 = family.afi() == Family.AFI_IPV4;
        int p = 0;
        while (p < data.length) {
            long pathId = Nlri.NO_PATH_ID;
            if (addPath) {
                pathId = org.bgpekko.wire.Wire.u32(data, p);
                p += 4;
            }
            int bits = data[p++] & 0xFF;
            int n = (bits + 7) >>> 3;
            long hi = 0;
            long lo = 0;
            if (v4) {
                for (int i = 0; i < 4; i++) {
                    lo = lo << 8 | (i < n ? data[p + i] & 0xFF : 0);
                }
            } else {
                for (int i = 0; i < 16; i++) {
                    long by = i < n ? data[p + i] & 0xFF : 0;
                    if (i < 8) {
                        hi = hi << 8 | by;
                    } else {
                        lo = lo << 8 | by;
                    }
                }
            }
            visitor.prefix(pathId, hi, lo, bits);
            p += n;
        }
    }

    /** Builds a block by appending NLRI straight into wire form. */
    public static Builder builder(Family family, boolean addPath) {
        return new Builder(family, addPath, 1024);
    }

    /** A builder whose buffer starts at {@code capacity} bytes (it grows): for many small blocks at once. */
    public static Builder builder(Family family, boolean addPath, int capacity) {
        return new Builder(family, addPath, capacity);
    }

    /** Appends NLRI in wire form; plain prefixes go in without any object. */
    public static final class Builder {
        private final Family family;
        private final boolean addPath;
        private final NlriCodec codec;
        private final WireWriter out;
        private int count;

        Builder(Family family, boolean addPath, int capacity) {
            this.family = family;
            this.addPath = addPath;
            this.out = new WireWriter(capacity);
            this.codec = NlriCodecs.get(family);
        }

        public Builder add(Nlri nlri) {
            if (!nlri.family().equals(family)) {
                throw new IllegalArgumentException(nlri + " is not of family " + family);
            }
            codec.encode(nlri, addPath, out);
            count++;
            return this;
        }

        /** Appends an IPv4 prefix of a unicast/multicast IPv4 block. */
        public Builder addIpv4(long pathId, long address, int length) {
            if (family.afi() != Family.AFI_IPV4 || !(codec instanceof InetNlriCodec) || length < 0 || length > 32) {
                throw new IllegalArgumentException("addIpv4 needs an IPv4 unicast/multicast block and length 0..32");
            }
            NlriCodec.writePathId(pathId, addPath, out);
            out.put8(length);
            for (int i = 0, n = (length + 7) >>> 3; i < n; i++) {
                out.put8((int) (address >>> (24 - 8 * i)));
            }
            count++;
            return this;
        }

        /** Appends an IPv6 prefix (upper 64 bits in hi) of a unicast/multicast IPv6 block. */
        public Builder addIpv6(long pathId, long hi, long lo, int length) {
            if (family.afi() != Family.AFI_IPV6 || !(codec instanceof InetNlriCodec) || length < 0 || length > 128) {
                throw new IllegalArgumentException("addIpv6 needs an IPv6 unicast/multicast block and length 0..128");
            }
            NlriCodec.writePathId(pathId, addPath, out);
            out.put8(length);
            for (int i = 0, n = (length + 7) >>> 3; i < n; i++) {
                out.put8((int) ((i < 8 ? hi : lo) >>> (56 - 8 * (i & 7))));
            }
            count++;
            return this;
        }

        public int size() {
            return count;
        }

        public NlriBlock build() {
            return new NlriBlock(family, addPath, count == 0 ? NONE : out.toArray(), count);
        }
    }

    public List<Nlri> toList() {
        List<Nlri> out = new ArrayList<>(size());
        forEach(out::add);
        return out;
    }

    @Override
    public Iterator<Nlri> iterator() {
        if (isOpaque() || count == 0) {
            return java.util.Collections.emptyIterator();
        }
        NlriCodec codec = NlriCodecs.get(family);
        return new Iterator<>() {
            int p = 0;

            @Override
            public boolean hasNext() {
                return p < data.length;
            }

            @Override
            public Nlri next() {
                if (p >= data.length) {
                    throw new NoSuchElementException();
                }
                Nlri n = codec.decode(data, p, addPath);
                p = codec.scan(data, p, data.length, addPath);
                return n;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NlriBlock other
                && family.equals(other.family)
                && count == other.count
                && (addPath == other.addPath || count == 0)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return family.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        if (isOpaque()) {
            return family + " opaque " + Hex.encode(data);
        }
        return family + (addPath ? " add-path " : " ") + toList();
    }
}
