// Hands received UPDATEs to the Rib in batches, one batch in flight, reading on only while few are waiting.
package org.bgpekko.peer;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Update;

/**
 * Bounded: at most one {@code Rib.Received} unanswered plus {@link #MAX_WAITING} UPDATEs waiting; past that the
 * connection is not pulled, so TCP pushes back on the sender. The Peer suspends its hold timer meanwhile
 * ({@link SessionTimers#readingHeld}): what waits unread is our delay, not the peer's silence.
 */
final class InboundToRib {
    static final int MAX_WAITING = 256;

    private final PeerId id;
    private final ActorRef<Rib.Command> rib;
    private long generation = -1;
    private Link link;
    private List<Update> waiting = new ArrayList<>();
    private boolean inFlight;
    private boolean pullHeld;

    InboundToRib(PeerId id, ActorRef<Rib.Command> rib) {
        this.id = id;
        this.rib = rib;
    }

    void start(long generation, Link link) {
        this.generation = generation;
        this.link = link;
        waiting = new ArrayList<>();
        inFlight = false;
        pullHeld = false;
    }

    /** Takes a received UPDATE; returns true when reading stops until the Rib acknowledges. */
    boolean update(Update u) {
        waiting.add(u);
        if (!inFlight) {
            flush();
        }
        if (waiting.size() < MAX_WAITING) {
            link.connection.pull();
            return false;
        }
        pullHeld = true;
        return true;
    }

    /** The Rib took the batch in flight; returns true when reading resumes. */
    boolean acked(long ackGeneration) {
        if (ackGeneration != generation || !inFlight) {
            return false;
        }
        inFlight = false;
        if (!waiting.isEmpty()) {
            flush();
        }
        if (pullHeld) {
            pullHeld = false;
            link.connection.pull();
            return true;
        }
        return false;
    }

    /** The session ended: what was read is still handed over, before the Peer's PeerDown. */
    void stop() {
        if (!waiting.isEmpty()) {
            rib.tell(new Rib.Received(id, generation, waiting));
        }
        waiting = new ArrayList<>();
        link = null;
        generation = -1;
    }

    private void flush() {
        rib.tell(new Rib.Received(id, generation, waiting));
        waiting = new ArrayList<>();
        inFlight = true;
    }

    int waitingCount() {
        return waiting.size();
    }
}
