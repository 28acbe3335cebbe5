// What an Established session negotiated: handed to the Rib so it can encode and address that session's UPDATEs.
package org.bgpekko.peer;

import java.util.List;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * @param generation increases with every session of this peer; messages of an older session are ignored
 * @param options the codec options both sides agreed on (4-octet AS, ADD-PATH per direction, next hop, size)
 * @param families the negotiated families in ascending (AFI, SAFI) order: End-of-RIB order
 * @param localAddress the local address of the TCP connection ("next-hop self" resolves to it)
 * @param remoteAddress the peer's address of the TCP connection
 * @param peerAs the AS the peer announced in its OPEN
 */
public record Session(PeerId id, long generation, SessionOptions options, List<Family> families,
                      IpAddress localAddress, IpAddress remoteAddress, long localAs, long peerAs,
                      Open sent, Open received) {
    public Session {
        families = List.copyOf(families);
    }

    public boolean ibgp() {
        return localAs == peerAs;
    }
}
