// The attributes a relayed route goes out with: the client's own, transparently (RFC 7947 section 2.2).
package org.bgpekko.rs;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.attribute.As4Transition;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;

/**
 * From the canonical bytes of a received set ({@code [next-hop length] [next-hop field] [attributes]}, AS numbers in
 * four octets), the bytes for one client session, with no decoding on the common path (a 4-octet AS session):
 *
 * <ul>
 *   <li>AS_PATH, NEXT_HOP (and the MP_REACH_NLRI next-hop field, IPv6 global and link-local alike), MED,
 *       communities, extended and large communities, AGGREGATOR, ATOMIC_AGGREGATE: unchanged; no AS is prepended.
 *   <li>LOCAL_PREF, ORIGINATOR_ID and CLUSTER_LIST: left out towards an external client (RFC 4271 section 5.1.5,
 *       RFC 4456 section 8); kept towards an internal one.
 *   <li>Unrecognised optional attributes, transitive or not: passed on (RFC 7947 section 2.2); a transitive one gets
 *       the Partial bit (RFC 4271 section 5: a speaker that did not recognise it must set it). Unrecognised
 *       attributes without the optional bit (kept by the receive path, decisions D3) are passed on unchanged.
 *   <li>An IPv4 route received in MP_REACH_NLRI with a 4-byte next hop goes out in the NLRI field with NEXT_HOP;
 *       an IPv6 route's NEXT_HOP attribute (from an UPDATE that also carried IPv4 NLRI) is left out.
 * </ul>
 *
 * <p>A 2-octet AS (OLD) session gets the same attributes decoded and encoded by the codec, which writes AS4_PATH and
 * AS4_AGGREGATOR (RFC 6793 section 4.2.2).
 *
 * @param attributes the attributes, encoded for the session, without MP attributes
 * @param mpNextHop the MP_REACH_NLRI next-hop field, or null for the IPv4 NLRI field
 */
record ExportAttributes(byte[] attributes, Bytes mpNextHop) {
    static ExportAttributes of(byte[] canonical, int kind, boolean external, SessionOptions options) {
        int nhLength = canonical[0] & 0xFF;
        boolean nlriField = kind == Prefixes.IPV4 && nhLength <= 4;
        WireWriter w = new WireWriter(canonical.length + 8);
        boolean nextHopWritten = false;
        int p = 1 + nhLength;
        while (p < canonical.length) {
            int flags = canonical[p] & 0xFF;
            int type = canonical[p + 1] & 0xFF;
            boolean ext = (flags & PathAttribute.FLAG_EXTENDED_LENGTH) != 0;
            int len = ext ? ((canonical[p + 2] & 0xFF) << 8 | canonical[p + 3] & 0xFF) : canonical[p + 2] & 0xFF;
            int end = p + (ext ? 4 : 3) + len;
            if (nlriField && nhLength == 4 && !nextHopWritten && type > PathAttribute.NEXT_HOP) {
                nextHop(w, canonical);
                nextHopWritten = true;
            }
            boolean drop = switch (type) {
                case PathAttribute.NEXT_HOP -> !nlriField || nhLength == 4;
                case PathAttribute.LOCAL_PREF, PathAttribute.ORIGINATOR_ID, PathAttribute.CLUSTER_LIST -> external;
                default -> false;
            };
            if (!drop) {
                int at = w.position();
                w.putBytes(canonical, p, end - p);
                boolean optionalTransitive = (flags & 0xC0) == 0xC0;
                if (optionalTransitive && AttributeCodecs.get(type) == null) {
                    w.set8(at, flags | PathAttribute.FLAG_PARTIAL);
                }
            }
            p = end;
        }
        if (nlriField && nhLength == 4 && !nextHopWritten) {
            nextHop(w, canonical);
        }
        byte[] attrs = w.toArray();
        if (!options.asn4()) {
            PathAttributes decoded = As4Transition.forOldSpeaker(
                    AttributeCodecs.decodeWritten(attrs, 0, attrs.length, SessionOptions.DEFAULT));
            WireWriter old = new WireWriter(attrs.length + 16);
            for (PathAttribute a : decoded.list()) {
                AttributeCodecs.encode(a, old, options);
            }
            attrs = old.toArray();
        }
        return new ExportAttributes(attrs, nlriField ? null : Bytes.of(canonical, 1, nhLength));
    }

    /** NEXT_HOP from a 4-byte MP next-hop field. */
    private static void nextHop(WireWriter w, byte[] canonical) {
        w.put8(PathAttribute.FLAG_TRANSITIVE).put8(PathAttribute.NEXT_HOP).put8(4).putBytes(canonical, 1, 4);
    }
}
