// Identity of a configured neighbour: what ExaBGP's selectors match (peer address, local address, AS numbers).
package org.bgpekko.peer;

import org.bgpekko.config.NeighborConfig;
import org.bgpekko.wire.nlri.IpAddress;

/** @param localAddress the configured local address, or null for "auto" */
public record PeerId(IpAddress peerAddress, IpAddress localAddress, long localAs, long peerAs) {

    public static PeerId of(NeighborConfig n) {
        return new PeerId(n.peerAddress(), n.localAddress(), n.localAs(), n.peerAs());
    }

    @Override
    public String toString() {
        return "neighbor " + peerAddress + " local-ip " + (localAddress == null ? "auto" : localAddress)
                + " local-as " + localAs + " peer-as " + peerAs;
    }
}
