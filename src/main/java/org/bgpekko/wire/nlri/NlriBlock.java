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

    /** The outcome of decoding an NLRI field: a block, or why it is malformed. */
    public record Decoding(NlriBlock block, String error) {
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
            while (p < end) {
                int next = codec.scan(b, p, end, addPath);
                if (next < 0) {
                    return new Decoding(null, NlriCodec.reason(next) + " at byte " + (p - off));
                }
                p = next;
                n++;
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
