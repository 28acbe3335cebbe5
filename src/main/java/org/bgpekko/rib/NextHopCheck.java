// RFC 4271 section 6.3 on receipt: routes whose next hop cannot be one are ignored, the session stays up.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.ErrorAction;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.UpdateError;
import org.bgpekko.wire.attribute.MpNextHop;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * A semantically incorrect next hop is not a malformed message, so the codec does not judge it (and ExaBGP's own
 * messages with such next hops decode clean); the Rib does, knowing the session's local address. The finding is a
 * treat-as-withdraw scoped to the routes that use the next hop ({@link UpdateError}): a route the peer replaces
 * with one we cannot use is withdrawn rather than kept with its old next hop.
 */
final class NextHopCheck {
    private NextHopCheck() {}

    /** {@code u} with a finding added for each next hop that is not a valid host address, or {@code u} itself. */
    static Update check(Update u, IpAddress local) {
        List<UpdateError> found = null;
        if (!u.nlri().isEmpty()) {
            NextHop nh = u.attributes().get(NextHop.class).orElse(null);
            String why = nh == null ? null : problem(nh.address(), local);
            if (why != null) {
                found = new ArrayList<>(u.errors());
                found.add(new UpdateError(PathAttribute.NEXT_HOP, ErrorAction.TREAT_AS_WITHDRAW, why));
            }
        }
        MpReachNlri mp = u.mpReach().orElse(null);
        if (mp != null && !mp.nlri().isEmpty()) {
            IpAddress a = MpNextHop.address(mp.family(), mp.nextHop());
            String why = a == null ? null : problem(a, local);
            if (why != null) {
                found = found == null ? new ArrayList<>(u.errors()) : found;
                found.add(new UpdateError(PathAttribute.MP_REACH_NLRI, ErrorAction.TREAT_AS_WITHDRAW, why,
                        mp.family()));
            }
        }
        return found == null ? u : new Update(u.withdrawn(), u.attributes(), u.nlri(), found);
    }

    /**
     * Why {@code a} cannot be a next hop of routes received on a session whose local address is {@code local}
     * (null: unknown), or null: IPv4 0.0.0.0/8, 224.0.0.0/4 (multicast), 240.0.0.0/4 (reserved, broadcast); IPv6 ::
     * and ff00::/8; our own address.
     */
    static String problem(IpAddress a, IpAddress local) {
        String why = null;
        if (a.equals(local)) {
            why = "is the local address of this session";
        } else if (a.isIpv4()) {
            long v = a.lo();
            why = v >>> 24 == 0 ? "is in 0.0.0.0/8, not a host address"
                    : v >>> 28 == 0xE ? "is a multicast address"
                    : v >>> 28 == 0xF ? "is in 240.0.0.0/4, not a host address" : null;
        } else if (a.hi() == 0 && a.lo() == 0) {
            why = "is not a host address";
        } else if (a.hi() >>> 56 == 0xFF) {
            why = "is a multicast address";
        }
        return why == null ? null : "next hop " + a + " " + why + ": its routes are ignored (RFC 4271 section 6.3)";
    }
}
