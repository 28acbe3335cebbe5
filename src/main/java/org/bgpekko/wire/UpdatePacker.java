// Packs NLRI that share attributes into as few UPDATEs as the maximum message size allows.
package org.bgpekko.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.NlriBlock;

public final class UpdatePacker {
    /** No limit on NLRI per UPDATE other than the size. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private UpdatePacker() {}

    /**
     * Announces {@code nlri} with {@code attributes}. IPv4 unicast goes in the NLRI field when NEXT_HOP is among
     * the attributes; other families, and IPv4 unicast with an IPv6 next hop (RFC 8950), go in MP_REACH_NLRI with
     * {@code mpNextHop}.
     *
     * @param maxPerUpdate 1 for ExaBGP's {@code group-updates false}, else {@link #UNLIMITED}
     */
    public static List<byte[]> announce(PathAttributes attributes, Bytes mpNextHop, NlriBlock nlri,
                                        SessionOptions options, int maxPerUpdate) {
        List<byte[]> out = new ArrayList<>();
        announce(attributes, mpNextHop, nlri, options, maxPerUpdate, out::add);
        return out;
    }

    public static void announce(PathAttributes attributes, Bytes mpNextHop, NlriBlock nlri, SessionOptions options,
                                int maxPerUpdate, Consumer<byte[]> sink) {
        announce(attributes, mpNextHop, nlri, 0, Integer.MAX_VALUE, options, maxPerUpdate, sink);
    }

    /**
     * As above, lazily: packs the NLRI from byte offset {@code from} of {@code nlri} (an NLRI boundary), and stops
     * after the UPDATE that brings the bytes written to {@code budget} or more. The UPDATEs are cut exactly as one
     * call for the whole block cuts them, so a block can be written a few UPDATEs at a time.
     *
     * @return the offset to go on from; {@code nlri.byteLength()} when every NLRI is out
     */
    public static int announce(PathAttributes attributes, Bytes mpNextHop, NlriBlock nlri, int from, int budget,
                               SessionOptions options, int maxPerUpdate, Consumer<byte[]> sink) {
        Family family = nlri.family();
        PathAttributes plain = attributes.without(PathAttribute.MP_REACH_NLRI).without(PathAttribute.MP_UNREACH_NLRI);
        byte[] attrs = encodeAttributes(plain, options);
        if (family.equals(Family.IPV4_UNICAST) && attributes.has(PathAttribute.NEXT_HOP)) {
            return pack(nlri, from, budget, options, maxPerUpdate, sink, attrs, null, false);
        }
        WireWriter mp = new WireWriter(32);
        mp.put16(family.afi()).put8(family.safi()).put8(mpNextHop.length()).putBytes(mpNextHop).put8(0);
        return pack(nlri, from, budget, options, maxPerUpdate, sink, attrs, mp.toArray(), true);
    }

    /**
     * Announces {@code nlri} with attributes already encoded for the session (no MP_REACH_NLRI or MP_UNREACH_NLRI
     * among them): in the IPv4 NLRI field when {@code mpNextHop} is null (NEXT_HOP must then be among the
     * attributes), else in MP_REACH_NLRI with that next-hop field. Packs as many NLRI per UPDATE as fit.
     */
    public static void announceEncoded(byte[] attributes, Bytes mpNextHop, NlriBlock nlri, SessionOptions options,
                                       Consumer<byte[]> sink) {
        if (mpNextHop == null) {
            pack(nlri, 0, Integer.MAX_VALUE, options, UNLIMITED, sink, attributes, null, false);
            return;
        }
        Family family = nlri.family();
        WireWriter mp = new WireWriter(8 + mpNextHop.length());
        mp.put16(family.afi()).put8(family.safi()).put8(mpNextHop.length()).putBytes(mpNextHop).put8(0);
        pack(nlri, 0, Integer.MAX_VALUE, options, UNLIMITED, sink, attributes, mp.toArray(), true);
    }

    /**
     * Withdraws {@code nlri}: IPv4 unicast in the withdrawn routes field with no attributes; other families in
     * MP_UNREACH_NLRI beside {@code attributes} (ExaBGP copies the withdraw command's attributes there).
     */
    public static List<byte[]> withdraw(PathAttributes attributes, NlriBlock nlri, SessionOptions options,
                                        int maxPerUpdate) {
        List<byte[]> out = new ArrayList<>();
        withdraw(attributes, nlri, 0, Integer.MAX_VALUE, options, maxPerUpdate, out::add);
        return out;
    }

    /** As above, lazily, as {@link #announce(PathAttributes, Bytes, NlriBlock, int, int, SessionOptions, int, Consumer)}. */
    public static int withdraw(PathAttributes attributes, NlriBlock nlri, int from, int budget, SessionOptions options,
                               int maxPerUpdate, Consumer<byte[]> sink) {
        Family family = nlri.family();
        if (family.equals(Family.IPV4_UNICAST)) {
            return pack(nlri, from, budget, options, maxPerUpdate, sink, null, null, false);
        }
        PathAttributes plain = attributes.without(PathAttribute.MP_REACH_NLRI).without(PathAttribute.MP_UNREACH_NLRI);
        WireWriter mp = new WireWriter(8);
        mp.put16(family.afi()).put8(family.safi());
        return pack(nlri, from, budget, options, maxPerUpdate, sink, encodeAttributes(plain, options), mp.toArray(),
                false);
    }

    private static byte[] encodeAttributes(PathAttributes attributes, SessionOptions options) {
        WireWriter w = new WireWriter(64);
        for (PathAttribute a : attributes.list()) {
            AttributeCodecs.encode(a, w, options);
        }
        return w.toArray();
    }

    /**
     * Splits the NLRI into messages. Three layouts: attributes + IPv4 NLRI field (mpHead null, attrs set);
     * IPv4 withdrawn field (both null); attributes + MP attribute holding the NLRI (mpHead set).
     */
    private static int pack(NlriBlock nlri, int start, int budget, SessionOptions options, int maxPerUpdate,
                            Consumer<byte[]> sink, byte[] attrs, byte[] mpHead, boolean reach) {
        boolean addPath = options.addPathSend(nlri.family());
        int max = options.maxMessageSize();
        int attrLen = attrs == null ? 0 : attrs.length;
        // header + withdrawn length + attribute length + attributes
        int fixed = BgpMessage.HEADER_LENGTH + 2 + 2 + attrLen;
        if (mpHead != null) {
            fixed += 4 + mpHead.length; // flags, type, 2-byte length when needed
        }
        int room = max - fixed;
        int end = nlri.byteLength();
        int from = start;
        long written = 0;
        do {
            int to = from;
            int items = 0;
            while (to < end && items < maxPerUpdate) {
                int next = nlri.next(to);
                int size = nlri.rangeLength(from, next, items + 1, addPath);
                if (size > room) {
                    break;
                }
                to = next;
                items++;
            }
            if (to == from && from < end) {
                throw new IllegalArgumentException("an NLRI does not fit in a " + max + "-byte UPDATE");
            }
            byte[] m = message(nlri, from, to, items, addPath, attrs, mpHead, reach);
            sink.accept(m);
            written += m.length;
            from = to;
        } while (from < end && written < budget);
        return from;
    }

    private static byte[] message(NlriBlock nlri, int from, int to, int items, boolean addPath,
                                  byte[] attrs, byte[] mpHead, boolean reach) {
        int nlriLen = nlri.rangeLength(from, to, items, addPath);
        WireWriter w = new WireWriter(BgpMessage.HEADER_LENGTH + 8 + nlriLen + (attrs == null ? 0 : attrs.length)
                + (mpHead == null ? 0 : mpHead.length + 4));
        for (int i = 0; i < BgpMessage.MARKER_LENGTH; i++) {
            w.put8(0xFF);
        }
        w.put16(0).put8(BgpMessage.UPDATE);
        if (attrs == null) {
            w.put16(nlriLen);
            nlri.writeRange(w, from, to, addPath);
            w.put16(0);
        } else {
            w.put16(0);
            int attrLenAt = w.position();
            w.put16(0);
            w.putBytes(attrs, 0, attrs.length);
            if (mpHead != null) {
                int valueLen = mpHead.length + nlriLen;
                boolean eor = !reach && nlriLen == 0;
                boolean ext = valueLen > 255 || eor;
                w.put8(PathAttribute.FLAG_OPTIONAL | (ext ? PathAttribute.FLAG_EXTENDED_LENGTH : 0));
                w.put8(reach ? PathAttribute.MP_REACH_NLRI : PathAttribute.MP_UNREACH_NLRI);
                if (ext) {
                    w.put16(valueLen);
                } else {
                    w.put8(valueLen);
                }
                w.putBytes(mpHead, 0, mpHead.length);
                nlri.writeRange(w, from, to, addPath);
            }
            w.set16(attrLenAt, w.position() - attrLenAt - 2);
            if (mpHead == null) {
                nlri.writeRange(w, from, to, addPath);
            }
        }
        w.set16(BgpMessage.MARKER_LENGTH, w.position());
        return w.toArray();
    }

    /** The End-of-RIB message of a family. */
    public static byte[] endOfRib(Family family, SessionOptions options) {
        return MessageCodec.encode(Update.endOfRib(family), options);
    }
}
