// Hands received UPDATEs to the Rib in batches, one batch in flight, reading on only while few are waiting.
package org.bgpekko.peer;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Update;

/**
 * Bounded: at most one {@code Rib.Received} unanswered plus {@link #MAX_WAITING} UPDATEs or about {@link
 * #MAX_WAITING_BYTES} waiting; past that the connection is not pulled, so TCP pushes back on the sender. The bound
 * is also the largest batch: each batch is a round trip through the Rib's mailbox, and on a loaded machine a round
 * trip costs scheduling latency whatever its size (a route server fed 500,000 routes by one peer in 4-prefix UPDATEs
 * made 2,000 of them with a bound of 256). The Peer suspends its hold timer meanwhile
 * ({@link SessionTimers#readingHeld}): what waits unread is our delay, not the peer's silence.
 */
final class InboundToRib {
    static final int MAX_WAITING = 2048;
    /** The waiting UPDATEs' estimated size (NLRI bytes and 64 per UPDATE for the rest) at which reading stops. */
    static final int MAX_WAITING_BYTES = 1 << 20;

    private final PeerId id;
    private final ActorRef<Rib.Command> rib;
    private long generation = -1;
    private Link link;
    private List<Update> waiting = new ArrayList<>();
    private int waitingBytes;
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
        waitingBytes = 0;
        inFlight = false;
        pullHeld = false;
    }

    /** Takes a received UPDATE; returns true when reading stops until the Rib acknowledges. */
    boolean update(Update u) {
        waiting.add(u);
        waitingBytes += estimate(u);
        if (!inFlight) {
            flush();
        }
        if (waiting.size() < MAX_WAITING && waitingBytes < MAX_WAITING_BYTES) {
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
        waitingBytes = 0;
        link = null;
        generation = -1;
    }

    private void flush() {
        rib.tell(new Rib.Received(id, generation, waiting));
        waiting = new ArrayList<>();
        waitingBytes = 0;
        inFlight = true;
    }

    /** About what an UPDATE holds: its NLRI bytes, and 64 for the attributes and the objects. */
    private static int estimate(Update u) {
        int n = 64 + u.withdrawn().byteLength() + u.nlri().byteLength();
        n += u.mpReach().map(m -> m.nlri().byteLength() + m.nextHop().length()).orElse(0);
        return n + u.mpUnreach().map(m -> m.nlri().byteLength()).orElse(0);
    }

    int waitingCount() {
        return waiting.size();
    }
}
