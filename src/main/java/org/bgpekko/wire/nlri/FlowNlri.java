// A FlowSpec NLRI (RFC 8955, RFC 8956; SAFI 133, and 134 with a route distinguisher): ordered components.
package org.bgpekko.wire.nlri;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bgpekko.wire.Family;

/**
 * The components are in increasing type order, each type at most once (RFC 8955 section 4.2); the whole NLRI is
 * the route's key. {@link #toString()} is ExaBGP's text ("flow destination-ipv4 10.0.0.1/32 protocol =tcp").
 *
 * @param rd the route distinguisher of flow-vpn (SAFI 134), null for flow (SAFI 133)
 */
public record FlowNlri(Family family, long pathId, RouteDistinguisher rd, List<FlowComponent> components)
        implements Nlri {

    public FlowNlri {
        Nlri.checkPathId(pathId);
        components = List.copyOf(components);
        boolean vpn = family.safi() == Family.SAFI_FLOW_VPN;
        if (!vpn && family.safi() != Family.SAFI_FLOW || family.addressLength() < 0) {
            throw new IllegalArgumentException(family + " is not a FlowSpec family");
        }
        if ((rd != null) != vpn) {
            throw new IllegalArgumentException(vpn ? "a flow-vpn NLRI needs a route distinguisher"
                    : "only flow-vpn NLRI have a route distinguisher");
        }
        int last = 0;
        for (FlowComponent c : components) {
            if (FlowComponentType.of(family.afi(), c.type()) == null) {
                throw new IllegalArgumentException("component type " + c.type() + " does not exist in " + family);
            }
            if (c.type() <= last) {
                throw new IllegalArgumentException("flow components must be in increasing type order, each once: "
                        + c.type() + " after " + last);
            }
            last = c.type();
            if (c instanceof FlowPrefix p && p.prefix().afi() != family.afi()) {
                throw new IllegalArgumentException("prefix " + p.prefix() + " in a " + family + " NLRI");
            }
        }
    }

    /** The NLRI with its components sorted by type (each type once), without path id. */
    public static FlowNlri of(Family family, RouteDistinguisher rd, Collection<? extends FlowComponent> components) {
        List<FlowComponent> sorted = new ArrayList<>(components);
        sorted.sort(Comparator.comparingInt(FlowComponent::type));
        return new FlowNlri(family, NO_PATH_ID, rd, sorted);
    }

    /** The component of a type, if present. */
    public Optional<FlowComponent> component(int type) {
        return components.stream().filter(c -> c.type() == type).findFirst();
    }

    @Override
    public String toString() {
        return FlowText.extensive(this, null);
    }
}
