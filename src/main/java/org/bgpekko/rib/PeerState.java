// What the Rib keeps for one neighbour across its sessions: configuration, Adj-RIB-Out, and the current session.
package org.bgpekko.rib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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

    boolean established() {
        return session != null;
    }
}
