// Routes of any family with a codec, keyed by the NLRI's identifying wire bytes: path id, length, RD, prefix (or
// the whole NLRI for the families whose NLRI is no IP prefix: VPLS, MVPN, MUP, EVPN, BGP-LS).
package org.bgpekko.rib;

import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import java.util.Arrays;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.InetNlriCodec;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;
import org.bgpekko.wire.nlri.NlriCodec;
import org.bgpekko.wire.nlri.NlriCodecs;
import org.bgpekko.wire.nlri.VpnNlri;

/**
 * The key of a labeled (nlri-mpls) or VPN (mpls-vpn) route leaves the label stack out: a route is identified by
 * its path id, RD and prefix (RFC 8277 section 2.4, RFC 4364: a withdrawal's label field is not compared). The
 * label stack of the held route is kept beside the key and given back with it. A FlowSpec NLRI is its own key,
 * all of its bytes (RFC 8955 section 4: the NLRI is the key).
 */
final class WireKeyTable implements FamilyTable {
    /** How the NLRI of a family are laid out on the wire. */
    enum Layout { PREFIX, LABELED, VPN, WHOLE }

    private final Family family;
    private final boolean addPath;
    private final Layout layout;
    private final NlriCodec codec;
    private final Object2IntOpenHashMap<Key> map = new Object2IntOpenHashMap<>();
    /** Label stack (raw 3-byte entries) per key; only for LABELED and VPN. */
    private final Object2ObjectOpenHashMap<Key, byte[]> labels;

    WireKeyTable(Family family, boolean addPath) {
        this.family = family;
        this.addPath = addPath;
        this.layout = layout(family);
        if (layout == null) {
            throw new IllegalArgumentException("no key layout for " + family);
        }
        this.codec = NlriCodecs.get(family);
        this.labels = layout == Layout.PREFIX || layout == Layout.WHOLE ? null : new Object2ObjectOpenHashMap<>();
        map.defaultReturnValue(-1);
    }

    /** The layout of a family's NLRI, or null for a family whose routes an Adj-RIB-In does not keep. */
    static Layout layout(Family family) {
        NlriCodec c = NlriCodecs.find(family).orElse(null);
        if (c instanceof InetNlriCodec) {
            return Layout.PREFIX;
        }
        if (c != null && family.safi() == Family.SAFI_NLRI_MPLS) {
            return Layout.LABELED;
        }
        if (c != null && family.safi() == Family.SAFI_MPLS_VPN) {
            return Layout.VPN;
        }
        return c != null ? Layout.WHOLE : null;
    }

    /** An NLRI's identity: [path id (4)] prefix-length [RD (8)] prefix-bytes. */
    static final class Key {
        final byte[] bytes;
        private final int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The NLRI parsed at some offset: its key, where its labels are, and where the next NLRI starts. */
    private final class Cursor {
        Key key;
        int labelOff;
        int labelLen;
        int end;
        /** The bits of the NLRI's last byte that belong to the prefix (0xFF unless it has host bits to clear). */
        int lastMask;

        /** Parses the NLRI at {@code p} of {@code b}, which the codec has validated. */
        void parse(byte[] b, int p) {
            if (layout == Layout.WHOLE) {
                end = codec.scan(b, p, b.length, addPath);
                key = new Key(Arrays.copyOfRange(b, p, end));
                labelOff = p;
                labelLen = 0;
                lastMask = 0xFF; // kept as it came: all of its bytes are its key
                return;
            }
            int q = addPath ? p + 4 : p;
            int bits = b[q++] & 0xFF;
            labelOff = q;
            int rdBits = layout == Layout.VPN ? 64 : 0;
            if (layout != Layout.PREFIX) {
                while (bits - rdBits >= 24) {
                    int entry = (b[q] & 0xFF) << 16 | (b[q + 1] & 0xFF) << 8 | b[q + 2] & 0xFF;
                    q += 3;
                    bits -= 24;
                    if ((entry & 1) != 0 || entry == 0x800000 || entry == 0) {
                        break;
                    }
                }
            }
            labelLen = q - labelOff;
            bits -= rdBits;
            int rest = rdBits / 8 + ((bits + 7) >>> 3);
            int head = addPath ? 4 : 0;
            byte[] k = new byte[head + 1 + rest];
            System.arraycopy(b, p, k, 0, head);
            k[head] = (byte) bits;
            System.arraycopy(b, q, k, head + 1, rest);
            lastMask = (bits & 7) == 0 ? 0xFF : 0xFF00 >>> (bits & 7) & 0xFF;
            k[k.length - 1] &= (byte) lastMask; // host bits: both spellings of a prefix are one key
            key = new Key(k);
            end = q + rest;
        }

        /** Writes the NLRI just parsed from {@code b} at {@code p} in canonical form (host bits cleared). */
        void writeCanonical(byte[] b, int p, WireWriter out) {
            out.putBytes(b, p, end - p - 1);
            out.put8(b[end - 1] & lastMask);
        }
    }

    /** The key of an NLRI object; its labels play no part. */
    private Key keyOf(Nlri nlri) {
        if (layout == Layout.WHOLE) {
            WireWriter w = new WireWriter(64);
            codec.encode(nlri, addPath, w);
            return new Key(w.toArray());
        }
        IpPrefix prefix = nlri.prefix();
        int n = (prefix.length() + 7) >>> 3;
        int head = addPath ? 4 : 0;
        int rd = layout == Layout.VPN ? 8 : 0;
        byte[] k = new byte[head + 1 + rd + n];
        for (int i = 0; i < head; i++) {
            k[i] = (byte) (nlri.pathId() >>> (24 - 8 * i));
        }
        k[head] = (byte) prefix.length();
        if (nlri instanceof VpnNlri v) {
            for (int i = 0; i < 8; i++) {
                k[head + 1 + i] = (byte) (v.rd().value() >>> (56 - 8 * i));
            }
        }
        boolean v4 = prefix.afi() == Family.AFI_IPV4;
        for (int i = 0; i < n; i++) {
            long word = v4 ? prefix.lo() << 32 : i < 8 ? prefix.hi() : prefix.lo();
            k[head + 1 + rd + i] = (byte) (word >>> (56 - 8 * (i & 7)));
        }
        return new Key(k);
    }

    /** Writes a held route back in wire form: [path id] total-length [labels] [RD] prefix. */
    private void write(WireWriter out, Key key, byte[] stack) {
        byte[] k = key.bytes;
        if (layout == Layout.WHOLE) {
            out.putBytes(k, 0, k.length);
            return;
        }
        int head = addPath ? 4 : 0;
        out.putBytes(k, 0, head);
        int stackLen = stack == null ? 0 : stack.length;
        int rdBits = layout == Layout.VPN ? 64 : 0;
        out.put8((k[head] & 0xFF) + rdBits + 8 * stackLen);
        if (stackLen > 0) {
            out.putBytes(stack, 0, stackLen);
        }
        out.putBytes(k, head + 1, k.length - head - 1);
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public boolean addPath() {
        return addPath;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public void announce(NlriBlock block, int id, AttributeStore store, WireWriter changed) {
        byte[] b = block.bytes().toArray();
        Cursor c = new Cursor();
        for (int p = 0; p < b.length; p = c.end) {
            c.parse(b, p);
            int old = map.put(c.key, id);
            boolean relabeled = false;
            if (labels != null) {
                byte[] stack = Arrays.copyOfRange(b, c.labelOff, c.labelOff + c.labelLen);
                byte[] before = labels.put(c.key, stack);
                relabeled = before == null || !Arrays.equals(before, stack);
            }
            if (old != id || relabeled) {
                if (old != id) {
                    store.retain(id);
                    if (old >= 0) {
                        store.release(old);
                    }
                }
                c.writeCanonical(b, p, changed);
            }
        }
    }

    @Override
    public void withdraw(NlriBlock block, AttributeStore store, WireWriter changed) {
        byte[] b = block.bytes().toArray();
        Cursor c = new Cursor();
        for (int p = 0; p < b.length; p = c.end) {
            c.parse(b, p);
            int old = map.removeInt(c.key);
            if (old >= 0) {
                store.release(old);
                if (labels != null) {
                    labels.remove(c.key);
                }
                c.writeCanonical(b, p, changed);
            }
        }
    }

    @Override
    public void clear(AttributeStore store, WireWriter removed) {
        for (var it = map.object2IntEntrySet().fastIterator(); it.hasNext(); ) {
            Object2IntMap.Entry<Key> e = it.next();
            store.release(e.getIntValue());
            write(removed, e.getKey(), labels == null ? null : labels.get(e.getKey()));
        }
        map.clear();
        map.trim();
        if (labels != null) {
            labels.clear();
            labels.trim();
        }
    }

    @Override
    public int get(Nlri nlri) {
        if (!nlri.family().equals(family) || (nlri.pathId() != Nlri.NO_PATH_ID) != addPath) {
            return -1;
        }
        return map.getInt(keyOf(nlri));
    }

    @Override
    public void forEach(AdjRibIn.RouteVisitor visitor) {
        WireWriter w = new WireWriter(64);
        for (var it = map.object2IntEntrySet().fastIterator(); it.hasNext(); ) {
            Object2IntMap.Entry<Key> e = it.next();
            w.truncate(0);
            write(w, e.getKey(), labels == null ? null : labels.get(e.getKey()));
            visitor.route(codec.decode(w.toArray(), 0, addPath), e.getIntValue());
        }
    }
}
