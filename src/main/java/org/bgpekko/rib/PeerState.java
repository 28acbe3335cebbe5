// What the Rib keeps for one neighbour across its sessions: configuration, Adj-RIB-Out, and the current session.
package org.bgpekko.rib;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.peer.Session;
import org.bgpekko.rs.RouteServer;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;

final class PeerState {
    private final NlriSlots slots;
    private final InternTable<OutboundAttributes> attrs;
    NeighborConfig config;
    StaticRoutes statics;
    final AdjRibOut out;
    final OutboundFlow flow = new OutboundFlow();
    /** The current session, or null between sessions; with its Peer, encoder and Adj-RIB-In. */
    Session session;
    ActorRef<Peer.Command> peer;
    UpdateEncoder encoder;
    AdjRibIn in;
    /** The route server and this neighbour's client index in it, when it is a route-server client (else -1). */
    private final RouteServer rs;
    int rsClient = -1;
    /** The flush being written, or null. */
    private Flush flush;
    /** Where the changes of the helper batch being applied go, or null between batches. */
    private ChangeSink batch;

    PeerState(NlriSlots slots, InternTable<OutboundAttributes> attrs, RouteServer rs) {
        this.slots = slots;
        this.attrs = attrs;
        this.rs = rs;
        this.out = new AdjRibOut(slots, attrs);
    }

    boolean established() {
        return session != null;
    }

    /** Where a helper batch's changes for this neighbour go: the Adj-RIB-Out, or a held batch ({@link OutboundFlow}). */
    ChangeSink changes() {
        if (batch == null) {
            batch = flow.beginBatch(out, () -> new HeldBatch(slots, attrs));
        }
        return batch;
    }

    /** The helper batch is applied. */
    void endBatch() {
        if (batch != null) {
            flow.endBatch();
            batch = null;
        }
    }

    /** A helper's teardown: now when live, else once the held batch it came with is written. */
    void teardown(int subcode) {
        if (changes() instanceof HeldBatch held) {
            held.teardown(subcode);
        } else if (established()) {
            peer.tell(new Peer.Teardown(subcode, ""));
        }
    }

    /** A session reached Established: its initial table (and End-of-RIB) is the first flush. */
    void sessionUp(Session s, ActorRef<Peer.Command> p, AdjRibIn adjRibIn, List<Family> endOfRib) {
        sessionDown();
        session = s;
        peer = p;
        in = adjRibIn;
        encoder = new UpdateEncoder(s, config.groupUpdates(), slots, attrs);
        out.sessionStarted();
        flow.sessionUp();
        flush = out.initialTable(endOfRib);
        flow.flushTaken(flush);
    }

    /** The session ended: its Adj-RIB-In and the flush being written go; the Adj-RIB-Out stays for the next one. */
    void sessionDown() {
        if (in != null) {
            in.clear();
        }
        in = null;
        session = null;
        peer = null;
        encoder = null;
        dropFlush();
        flow.sessionDown();
    }

    /** The neighbour was removed: every reference it holds is released. */
    void remove() {
        sessionDown();
        flow.clear();
        out.clear();
    }

    /**
     * The next batch of UPDATEs for the Peer, at most {@code limit} bytes, or null when there is nothing to send or
     * a batch is in flight: the rest of the flush being written, else the next flush (pending changes before held
     * batches, each held batch its own flush), else, for a route-server client, relayed routes. Iterative: held
     * batches that change nothing are skipped in a loop.
     */
    Peer.Send nextSend(int limit) {
        if (!established() || flow.inFlight()) {
            return null;
        }
        while (true) {
            if (flush != null) {
                UpdateEncoder.Batch b = new UpdateEncoder.Batch(limit, flush.overflow);
                encoder.encode(flush, b);
                if (!b.messages().isEmpty()) {
                    flow.sending();
                    return new Peer.Send(session.generation(), b.messages());
                }
                dropFlush();
                flow.flushWritten();
            }
            switch (flow.next(out.hasPending())) {
                case IDLE -> {
                    return relayed(limit);
                }
                case RELEASE_HELD -> {
                    HeldBatch held = flow.release();
                    held.applyTo(out);
                    if (held.teardownSubcode() >= 0) {
                        peer.tell(new Peer.Teardown(held.teardownSubcode(), ""));
                    }
                }
                case TAKE_PENDING -> {
                    flush = out.take(flow.withdrawalsAllowed());
                    flow.flushTaken(flush);
                    operatorWithdrawals(flush);
                }
            }
        }
    }

    /** The route server's next UPDATEs for this client, once the operator's own flushes are out. */
    private Peer.Send relayed(int limit) {
        if (rsClient < 0 || !rs.pending(rsClient)) {
            return null;
        }
        List<byte[]> messages = rs.next(rsClient, limit);
        if (messages.isEmpty()) {
            return null;
        }
        flow.sending();
        // the group's log hands every member the same arrays, never written again: wrapped, not copied
        return new Peer.Send(session.generation(), messages.stream().map(Bytes::wrapOwned).toList());
    }

    /** A route the operator withdraws from a route-server client may give way to a relayed one (written after it). */
    private void operatorWithdrawals(Flush f) {
        if (rsClient < 0) {
            return;
        }
        for (Flush.Group g : f.groups) {
            for (int e : g.entries()) {
                if ((e & 1) == 0) {
                    rs.operatorWithdrew(rsClient, slots.nlri(e >>> 1));
                }
            }
        }
    }

    private void dropFlush() {
        if (flush != null) {
            flush.close(slots, attrs);
            flush = null;
        }
    }
}
