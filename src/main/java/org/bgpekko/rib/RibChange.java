// One step of what applying an UPDATE changed in an Adj-RIB-In: NLRI now withdrawn, or now carrying new attributes.
package org.bgpekko.rib;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * The NLRI whose state actually changed, as wire bytes: announcements that were identical to what was held, and
 * withdrawals of routes that were not held, do not appear.
 *
 * @param attributeId the {@link AttributeStore} id the routes now carry, or -1 when they were withdrawn. It stays
 *     valid while a route holds it; a later change may free it and the store may hand it out again
 * @param attributes the value of {@code attributeId} (immutable, safe to keep), or null when withdrawn
 * @param nlri the NLRI as received (with the label stack of labeled families, with path ids under ADD-PATH);
 *     for a session-down or family-disable withdrawal, as they were held
 * @param indices for a route-server client's Adj-RIB-In kept in the route server's prefix index ({@code
 *     org.bgpekko.rs.IndexedRoutes}): each NLRI's prefix index, in the order of {@code nlri}, so the route server
 *     does not look them up again; else null (a copy: not to be changed)
 */
public record RibChange(Family family, int attributeId, RouteAttributes attributes, NlriBlock nlri, int[] indices) {
    public RibChange(Family family, int attributeId, RouteAttributes attributes, NlriBlock nlri) {
        this(family, attributeId, attributes, nlri, null);
    }

    public RibChange {
        if ((attributeId < 0) != (attributes == null)) {
            throw new IllegalArgumentException("a withdrawal has neither id nor attributes, an announcement both");
        }
        if (!nlri.family().equals(family)) {
            throw new IllegalArgumentException("NLRI of " + nlri.family() + " in a change of " + family);
        }
    }

    public static RibChange withdrawn(NlriBlock nlri) {
        return new RibChange(nlri.family(), -1, null, nlri);
    }

    public boolean isWithdrawal() {
        return attributeId < 0;
    }
}
