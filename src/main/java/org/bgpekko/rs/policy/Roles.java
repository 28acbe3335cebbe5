// RFC 9234 section 5 for the route server's side of a client session with a role: the OTC ingress and egress rules.
package org.bgpekko.rs.policy;

import org.bgpekko.config.RsPolicy;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.attribute.OnlyToCustomer;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.capability.BgpRole;

/**
 * The route server's local role on a client session is {@code rs} (the client is an rs-client) or {@code provider}
 * (a customer); the configuration refuses the others (config.RsClients). For both, section 5 says:
 *
 * <ul>
 *   <li>ingress: a route with an OTC attribute from a customer or an rs-client is a route leak and ineligible: kept
 *       in the Adj-RIB-In with {@link RejectCode#ROUTE_LEAK}, never a candidate (as BIRD's {@code local role});
 *   <li>egress: a route sent to a customer or an rs-client without an OTC attribute gets one with the local AS (the
 *       route server's {@code rs_as}). The rule "a route with OTC is not sent to providers, peers or route servers"
 *       concerns neither of these roles.
 * </ul>
 *
 * A client without a role (roles not enabled for it) is relayed as before: its routes are not checked, and the OTC
 * attribute of a route is passed on as received, neither added nor removed.
 */
final class Roles {
    private Roles() {}

    /** {@code c} is downstream of the route server (RFC 9234 local role rs or provider): OTC on ingress and egress. */
    static boolean downstream(RsPolicy.Client c) {
        int role = c.role().localRole();
        return role == BgpRole.RS || role == BgpRole.PROVIDER;
    }

    /** Ingress: is this route of {@code source} a route leak? */
    static boolean leak(RsPolicy.Client source, PathFacts f) {
        return f.otc() >= 0 && downstream(source);
    }

    /** Egress: does {@code target} get the route with an OTC attribute added? */
    static boolean addsOtc(RsPolicy.Client target, PathFacts f) {
        return f.otc() < 0 && downstream(target);
    }

    /** Canonical bytes with ONLY_TO_CUSTOMER = {@code as} inserted in type order (flags 0xC0). */
    static byte[] withOtc(byte[] b, long as) {
        WireWriter w = new WireWriter(b.length + 7);
        int p = 1 + (b[0] & 0xFF);
        w.putBytes(b, 0, p);
        boolean written = false;
        while (p < b.length) {
            int flags = b[p] & 0xFF;
            int type = b[p + 1] & 0xFF;
            boolean ext = (flags & PathAttribute.FLAG_EXTENDED_LENGTH) != 0;
            int end = p + (ext ? 4 + Wire.u16(b, p + 2) : 3 + (b[p + 2] & 0xFF));
            if (!written && type > PathAttribute.ONLY_TO_CUSTOMER) {
                otc(w, as);
                written = true;
            }
            w.putBytes(b, p, end - p);
            p = end;
        }
        if (!written) {
            otc(w, as);
        }
        return w.toArray();
    }

    private static void otc(WireWriter w, long as) {
        w.put8(OnlyToCustomer.CANONICAL_FLAGS).put8(PathAttribute.ONLY_TO_CUSTOMER).put8(4).put32(as);
    }
}
