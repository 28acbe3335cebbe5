// Who an event is about and how it is stamped: the neighbour's addresses and AS numbers, the direction, the
// counter, and the negotiated session when the event shows it.
package org.bgpekko.api;

import java.util.List;
import java.util.Optional;
import org.bgpekko.wire.Family;

/**
 * @param localAddress the local address of the session as text ("127.0.0.1")
 * @param peerAddress the neighbour's address as text
 * @param direction "receive" or "send" for message events; ignored by neighbour-change events
 * @param counter the JSON "counter" (ExaBGP counts events per neighbour, from 1); the text encoder ignores it
 * @param negotiated the session as negotiated, shown by JSON UPDATE and packet events when present. ExaBGP
 *     passes it for every "send" event and for "receive" events only with the api option {@code negotiated}.
 */
public record EventContext(String localAddress, String peerAddress, long localAs, long peerAs, String direction,
                           long counter, Optional<Negotiated> negotiated) {
    public static final String RECEIVE = "receive";
    public static final String SEND = "send";

    /**
     * ExaBGP's "negotiated" block.
     *
     * @param refresh "absent", "normal" or "enhanced"
     * @param nextHop RFC 8950 entries as "ipv4 unicast ipv6"
     */
    public record Negotiated(int messageSize, int holdTime, boolean asn4, boolean multisession, boolean operational,
                             String refresh, List<Family> families, List<String> nextHop, List<Family> addPathSend,
                             List<Family> addPathReceive) {
        public Negotiated {
            families = List.copyOf(families);
            nextHop = List.copyOf(nextHop);
            addPathSend = List.copyOf(addPathSend);
            addPathReceive = List.copyOf(addPathReceive);
        }
    }

    /** The same neighbour, another direction and counter. */
    public EventContext with(String newDirection, long newCounter) {
        return new EventContext(localAddress, peerAddress, localAs, peerAs, newDirection, newCounter, negotiated);
    }
}
