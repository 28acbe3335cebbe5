// The order in which one neighbour's outbound work leaves: initial table, then held helper batches, then live flushes.
package org.bgpekko.rib;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * A small state machine, one per neighbour (decisions D9):
 *
 * <pre>
 *   DOWN --session up--> INITIAL --initial table and End-of-RIB written--> RELEASING --no batch held--> LIVE
 *     ^                                                 (straight to LIVE when none is held)           |
 *     +------------------------------------ session down (from any state) ----------------------------+
 * </pre>
 *
 * <p>Outside LIVE, each helper batch that selects the neighbour is held ({@link HeldBatch}): ExaBGP reaches
 * Established within about 0.2 s of starting its helpers, so its first End-of-RIB always precedes helper routes and
 * every batch is its own flush; a slower start must not change either (conformance README section 10). In
 * RELEASING, each held batch is applied to the Adj-RIB-Out and written as one flush, oldest first; batches that
 * arrive meanwhile are held behind them.
 *
 * <p>Bounded: at most {@link #MAX_HELD_BATCHES} batches are kept apart; later ones merge into the last, and once the
 * held changes exceed {@link #MAX_HELD_CHANGES} all of them merge into one. A merged batch keeps only the resulting
 * changes (a prefix announced and withdrawn in many batches is one withdrawal), so a neighbour that is down for
 * long costs at most one change per prefix touched.
 *
 * <p>Also here: one batch of UPDATEs in flight to the Peer at a time, and ExaBGP's rule that the first flush of a
 * session with changes writes no withdrawal.
 */
final class OutboundFlow {
    enum Phase { DOWN, INITIAL, RELEASING, LIVE }

    /** What the Rib should write next, once nothing is in flight and the last flush is written. */
    enum Step { IDLE, TAKE_PENDING, RELEASE_HELD }

    static final int MAX_HELD_BATCHES = 32;
    static final int MAX_HELD_CHANGES = 1 << 18;

    private Phase phase = Phase.DOWN;
    private boolean inFlight;
    private boolean changesWritten;
    private final ArrayDeque<HeldBatch> held = new ArrayDeque<>();
    /** The held batch the current helper batch goes into, or null. */
    private HeldBatch collecting;
    private boolean merging;

    Phase phase() {
        return phase;
    }

    /** Helper batches are held: the session is down, or has not written its initial table and held batches yet. */
    boolean holds() {
        return phase != Phase.LIVE;
    }

    /**
     * Where the changes of the helper batch that begins go: {@code live} when LIVE, else a held batch (a new one, or
     * the last one once {@link #MAX_HELD_BATCHES} are held).
     */
    ChangeSink beginBatch(ChangeSink live, Supplier<HeldBatch> newBatch) {
        if (!holds()) {
            return live;
        }
        merging = held.size() >= MAX_HELD_BATCHES;
        collecting = merging ? held.peekLast() : newBatch.get();
        return collecting;
    }

    /** The held batch of the helper batch being applied, or null when it goes straight to the Adj-RIB-Out. */
    HeldBatch collecting() {
        return collecting;
    }

    /** The helper batch is applied: keep what it held (nothing kept when it changed nothing). */
    void endBatch() {
        if (collecting != null && !merging) {
            if (collecting.isEmpty()) {
                collecting.discard();
            } else {
                held.add(collecting);
            }
        }
        collecting = null;
        merging = false;
        if (heldChanges() > MAX_HELD_CHANGES && held.size() > 1) {
            HeldBatch first = held.poll();
            while (!held.isEmpty()) {
                first.absorb(held.poll());
            }
            held.add(first);
        }
    }

    void sessionUp() {
        phase = Phase.INITIAL;
        inFlight = false;
        changesWritten = false;
    }

    void sessionDown() {
        phase = Phase.DOWN;
        inFlight = false;
    }

    /** A batch of UPDATEs was handed to the Peer; nothing more until it is written. */
    void sending() {
        inFlight = true;
    }

    void sendDone() {
        inFlight = false;
    }

    boolean inFlight() {
        return inFlight;
    }

    /** A flush with changes was taken: the next ones write withdrawals. */
    void flushTaken(Flush f) {
        changesWritten |= f.counts();
    }

    /** False until the first flush of the session with changes was taken: ExaBGP writes no withdrawal in it. */
    boolean withdrawalsAllowed() {
        return changesWritten;
    }

    /** The flush being written is out (its last batch acknowledged): the initial table ends INITIAL. */
    void flushWritten() {
        if (phase == Phase.INITIAL) {
            phase = held.isEmpty() ? Phase.LIVE : Phase.RELEASING;
        }
    }

    /** What to write next: pending changes first (a reload, a refresh), then the oldest held batch. */
    Step next(boolean pending) {
        if (phase == Phase.DOWN || phase == Phase.INITIAL) {
            return Step.IDLE;
        }
        if (pending) {
            return Step.TAKE_PENDING;
        }
        if (!held.isEmpty()) {
            return Step.RELEASE_HELD;
        }
        phase = Phase.LIVE;
        return Step.IDLE;
    }

    /** The oldest held batch, to be applied and written now; LIVE once none is left. */
    HeldBatch release() {
        HeldBatch b = held.poll();
        if (held.isEmpty() && phase == Phase.RELEASING) {
            phase = Phase.LIVE;
        }
        return b;
    }

    int heldBatches() {
        return held.size();
    }

    int heldChanges() {
        int n = 0;
        for (HeldBatch b : held) {
            n += b.size();
        }
        return n;
    }

    /** Drops every held batch (the neighbour was removed). */
    void clear() {
        held.forEach(HeldBatch::discard);
        held.clear();
    }
}
