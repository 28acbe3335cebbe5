// What a received route carries besides its NLRI, as canonical wire bytes: the path attributes and the MP next hop.
package org.bgpekko.rib;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;

/**
 * The value {@link AttributeStore} interns. It is kept as bytes, not objects: a decoded AS_PATH or COMMUNITIES is
 * a list of boxed numbers, several hundred bytes per set, where the wire form is a few dozen; routes that each
 * have their own set (docs/decisions.md D7) cost what their attributes take on the wire.
 *
 * <p>Canonical form: {@code [next-hop length] [next-hop field] [attributes]}, the attributes as {@link
 * AttributeCodecs#encode} writes them for a 4-octet AS session, in type order, without MP_REACH_NLRI and
 * MP_UNREACH_NLRI. Equal values have equal bytes whatever flags, lengths or AS width they were received with.
 *
 * @param wire the canonical bytes
 */
public record RouteAttributes(Bytes wire) {
    /** The AS width of the canonical form: every AS number in four octets (RFC 6793). */
    private static final SessionOptions CANONICAL = SessionOptions.DEFAULT;

    public static final RouteAttributes EMPTY = of(PathAttributes.EMPTY, Bytes.EMPTY);

    /**
     * The attributes of an UPDATE with its MP attributes left out, and {@code nextHop}: the MP_REACH_NLRI next-hop
     * field as received, or {@link Bytes#EMPTY} for routes of the IPv4 NLRI field (their next hop is the NEXT_HOP
     * attribute).
     */
    public static RouteAttributes of(PathAttributes attributes, Bytes nextHop) {
        if (nextHop.length() > 255) {
            throw new IllegalArgumentException("a next-hop field is at most 255 bytes");
        }
        WireWriter w = new WireWriter(64 + nextHop.length());
        w.put8(nextHop.length());
        nextHop.writeTo(w);
        for (PathAttribute a : attributes.list()) {
            if (a.typeCode() != PathAttribute.MP_REACH_NLRI && a.typeCode() != PathAttribute.MP_UNREACH_NLRI) {
                AttributeCodecs.encode(a, w, CANONICAL);
            }
        }
        return new RouteAttributes(w.toBytes(0, w.position()));
    }

    /** The MP_REACH_NLRI next-hop field, empty for routes of the NLRI field. */
    public Bytes nextHop() {
        byte[] b = wire.toArray();
        return Bytes.of(b, 1, b[0] & 0xFF);
    }

    /** The path attributes, decoded on each call (the canonical bytes are what is kept). */
    public PathAttributes attributes() {
        byte[] b = wire.toArray();
        return AttributeCodecs.decodeWritten(b, 1 + (b[0] & 0xFF), b.length, CANONICAL);
    }

    @Override
    public String toString() {
        Bytes nh = nextHop();
        return attributes().list() + (nh.isEmpty() ? "" : " next-hop field " + nh);
    }
}
