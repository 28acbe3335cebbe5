// Peer actor: one per neighbour; owns the TCP connection, the RFC 4271 FSM, timers and negotiated options.
package org.bgpekko.peer;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.wire.Bytes;

public final class Peer {
    private Peer() {}

    /** Everything a Peer accepts. */
    public interface Command {}

    /**
     * Complete, encoded BGP messages from the Rib for the session {@code generation}, written in order, each in
     * one write. When they are handed to the connection the Peer answers {@code Rib.SendDone}; the Rib sends
     * the next batch only then, so at most one batch per peer is in flight. Batches of an older generation are
     * dropped (and still answered, so the Rib never waits forever).
     */
    public record Send(long generation, List<Bytes> messages) implements Command {
        public Send {
            messages = List.copyOf(messages);
        }
    }

    /** The Rib processed a {@code Rib.Received} batch: the Peer may read more from the connection. */
    public record ReceivedAck(long generation) implements Command {}

    /**
     * Send Cease with this subcode and RFC 8203 text (empty: none), close, and reconnect within the attempt
     * limit (ExaBGP's {@code teardown N}).
     */
    public record Teardown(int subcode, String text) implements Command {}

    /** Send Cease / Administrative Shutdown if established, close, stop for good; reply when it is done. */
    public record Shutdown(ActorRef<Stopped> replyTo) implements Command {}

    /** Reply to {@link Shutdown}, and the message to the guardian when a peer ran out of connection attempts. */
    public record Stopped(PeerId id) {}
}
