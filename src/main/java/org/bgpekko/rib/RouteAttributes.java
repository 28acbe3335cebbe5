// What a received route carries besides its NLRI: the path attributes without MP_REACH/MP_UNREACH, and the MP next hop.
package org.bgpekko.rib;

import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;

/**
 * The value {@link AttributeStore} interns: every route that carries the same value shares one instance.
 *
 * @param attributes the UPDATE's path attributes less MP_REACH_NLRI and MP_UNREACH_NLRI (NEXT_HOP included when
 *     the UPDATE had one)
 * @param nextHop the MP_REACH_NLRI next-hop field as received, or {@link Bytes#EMPTY} for routes of the IPv4 NLRI
 *     field (their next hop is the NEXT_HOP attribute)
 */
public record RouteAttributes(PathAttributes attributes, Bytes nextHop) {
    public static final RouteAttributes EMPTY = new RouteAttributes(PathAttributes.EMPTY, Bytes.EMPTY);

    public RouteAttributes {
        if (attributes.has(PathAttribute.MP_REACH_NLRI) || attributes.has(PathAttribute.MP_UNREACH_NLRI)) {
            throw new IllegalArgumentException("route attributes hold no MP_REACH_NLRI or MP_UNREACH_NLRI");
        }
    }

    /** The attributes of an UPDATE with its MP attributes removed, and {@code nextHop}. */
    public static RouteAttributes of(PathAttributes updateAttributes, Bytes nextHop) {
        PathAttributes plain = updateAttributes.without(PathAttribute.MP_REACH_NLRI)
                .without(PathAttribute.MP_UNREACH_NLRI);
        return new RouteAttributes(plain, nextHop);
    }
}
