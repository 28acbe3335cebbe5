// What the Rib keeps for one neighbour across its sessions: configuration, Adj-RIB-Out, and the current session.
package org.bgpekko.rib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.Session;
import org.bgpekko.wire.Family;

final class PeerState {
    NeighborConfig config;
    StaticRoutes statics;
    final AdjRibOut out = new AdjRibOut();
    Session session;
    ActorRef<Peer.Command> peer;
    UpdateEncoder encoder;
    /** Encoded messages of the flush being sent. */
    final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    boolean inFlight;
    /** False until the first non-empty flush of a session: ExaBGP leaves withdrawals out of that one. */
    boolean withdrawalsAllowed;
    /** The routes of the current session, or null between sessions. */
    AdjRibIn in;
    /** End-of-RIB and ROUTE-REFRESH messages asked for by helpers, sent after the pending changes. */
    final List<Family> endOfRibRequests = new ArrayList<>();
    final List<Family> refreshRequests = new ArrayList<>();
    /** True once this session's initial table and End-of-RIB are handed to the Peer. */
    boolean initialDone;
    /**
     * Helper batches that arrived before the initial table and End-of-RIB were written, one list of Adj-RIB-Out
     * operations per batch: each is released as its own flush afterwards (conformance README section 10).
     */
    final ArrayDeque<List<Consumer<PeerState>>> held = new ArrayDeque<>();
    /** The batch being collected while holding, or null when changes go straight to the Adj-RIB-Out. */
    List<Consumer<PeerState>> holding;

    /** Applies a helper's change now, or holds it with its batch until the initial End-of-RIB is out. */
    void change(Consumer<AdjRibOut> op) {
        request(p -> op.accept(p.out));
    }

    /** As {@link #change}, for anything a helper asks of this neighbour (End-of-RIB, ROUTE-REFRESH). */
    void request(Consumer<PeerState> op) {
        if (holding != null) {
            holding.add(op);
        } else {
            op.accept(this);
        }
    }

    /**
     * Starts collecting a helper batch: held when the session has not written its initial table yet, or when
     * earlier batches are still held (they go first).
     */
    void beginBatch() {
        holding = initialDone && held.isEmpty() ? null : new ArrayList<>();
    }

    void endBatch() {
        if (holding != null && !holding.isEmpty()) {
            held.add(holding);
        }
        holding = null;
    }

    boolean established() {
        return session != null;
    }
}
