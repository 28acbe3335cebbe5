// Rib actor: the single owner of Adj-RIB-In and Adj-RIB-Out; turns routes into each session's UPDATE stream.
package org.bgpekko.rib;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.wire.Update;

public final class Rib {
    private Rib() {}

    /** Everything the Rib accepts. */
    public interface Command {}

    /** A neighbour's configuration, first or after a reload: its static routes replace the previous ones. */
    public record PeerConfigured(PeerId id, NeighborConfig config) implements Command {}

    /** A neighbour was removed by a reload: forget its routes. */
    public record PeerRemoved(PeerId id) implements Command {}

    /** A session reached Established: the Rib sends it the table, then End-of-RIB, in {@code Peer.Send} batches. */
    public record PeerUp(Session session, ActorRef<Peer.Command> peer) implements Command {}

    /** The session {@code generation} ended: its Adj-RIB-In is dropped; the Adj-RIB-Out is kept for the next. */
    public record PeerDown(PeerId id, long generation) implements Command {}

    /** UPDATEs read from a session, in order; answered with {@code Peer.ReceivedAck}. */
    public record Received(PeerId id, long generation, List<Update> updates) implements Command {
        public Received {
            updates = List.copyOf(updates);
        }
    }

    /** The Peer handed the last {@code Peer.Send} of {@code generation} to its connection: it wants more. */
    public record SendDone(PeerId id, long generation) implements Command {}
}
