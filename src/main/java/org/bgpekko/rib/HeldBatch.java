// A helper batch held for a neighbour whose session has not written its initial table: only its resulting changes.
package org.bgpekko.rib;

import java.util.Collection;
import org.bgpekko.wire.Family;

/**
 * What applying the batch to the Adj-RIB-Out later will do, kept compact: its pending changes by the rules of
 * {@link PendingChanges} (at most two per NLRI, the last one last), whether a {@code clear adj-rib out} came first,
 * and the requests (End-of-RIB, ROUTE-REFRESH, {@code flush adj-rib out}). Later
 * batches can be merged into it ({@link #absorb}); the result is what applying both in order would leave.
 */
final class HeldBatch implements ChangeSink {
    private final PendingChanges changes;
    /** A {@code clear adj-rib out} of the table as it will be when this batch is applied. */
    private boolean clear;
    private final OutboundRequests requests = new OutboundRequests();
    /** A teardown asked for, with its Cease subcode, or -1. */
    private int teardown = -1;

    HeldBatch(NlriSlots slots, InternTable<OutboundAttributes> attrs) {
        this.changes = new PendingChanges(slots, attrs);
    }

    @Override
    public boolean announce(int slot, int attr) {
        changes.queue(slot, attr, true);
        return true;
    }

    @Override
    public void withdraw(int slot, int attr) {
        changes.queue(slot, attr, false);
    }

    /** The announcements before it were never sent, so they go; the table is cleared first when this is applied. */
    @Override
    public void withdrawAll() {
        changes.dropAnnouncements();
        clear = true;
    }

    @Override
    public void resend(Collection<Family> families, boolean enhanced) {
        requests.resend(families, enhanced);
    }

    @Override
    public void endOfRib(Family family) {
        requests.endOfRib.add(family);
    }

    @Override
    public void refreshRequest(Family family) {
        requests.refreshRequests.add(family);
    }

    void teardown(int subcode) {
        teardown = subcode;
    }

    /** The teardown subcode asked for, or -1. */
    int teardownSubcode() {
        return teardown;
    }

    boolean isEmpty() {
        return changes.isEmpty() && !clear && requests.isEmpty() && teardown < 0;
    }

    /** Number of changes held. */
    int size() {
        return changes.size();
    }

    /** Applies this batch to {@code out} (or to a batch held before it) and releases what it held. */
    void applyTo(ChangeSink out) {
        if (clear) {
            out.withdrawAll();
        }
        changes.forEach((slot, attr, announce) -> {
            if (announce) {
                out.announce(slot, attr);
            } else {
                out.withdraw(slot, attr);
            }
        });
        changes.clear();
        requests.applyTo(out);
    }

    /** Merges {@code later} into this batch, as if both had been one; {@code later} is left empty. */
    void absorb(HeldBatch later) {
        later.applyTo(this);
        if (later.teardown >= 0) {
            teardown = later.teardown;
        }
        later.teardown = -1;
        later.clear = false;
        later.requests.clear();
    }

    /** Drops everything without applying it. */
    void discard() {
        changes.clear();
    }
}
