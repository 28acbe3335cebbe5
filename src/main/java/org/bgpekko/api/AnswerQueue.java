// One helper's batches not answered yet, oldest first: a batch's answers leave only once it and all before it are done.
package org.bgpekko.api;

import java.util.ArrayDeque;
import java.util.List;
import org.bgpekko.rib.Rib;

/**
 * A batch with commands waits for the Rib's outcomes; a batch without (answers known at once: a parse error, "group
 * started") waits only for the batches before it. The Rib answers one helper's batches in order, so outcomes go to
 * the oldest batch still waiting for them. Batches of a former incarnation of the helper keep their place and are
 * dropped unanswered when their turn comes.
 */
final class AnswerQueue {
    /** A batch ready to be answered, with the Rib's outcome of each of its commands. */
    record Ready(HelperBatch batch, long incarnation, List<Rib.ApiOutcome> outcomes) {}

    private static final class Pending {
        final HelperBatch batch;
        final long incarnation;
        List<Rib.ApiOutcome> outcomes;

        Pending(HelperBatch batch, long incarnation) {
            this.batch = batch;
            this.incarnation = incarnation;
            this.outcomes = batch.commands().isEmpty() ? List.of() : null;
        }
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    /** Queues a batch; true when its commands must go to the Rib. */
    boolean add(HelperBatch batch, long incarnation) {
        Pending p = new Pending(batch, incarnation);
        pending.add(p);
        return p.outcomes == null;
    }

    /** The Rib's outcomes of the oldest batch sent to it. */
    void applied(List<Rib.ApiOutcome> outcomes) {
        for (Pending p : pending) {
            if (p.outcomes == null) {
                p.outcomes = outcomes;
                return;
            }
        }
    }

    /** The oldest batch if it can be answered now (it leaves the queue), else null. */
    Ready poll() {
        if (pending.isEmpty() || pending.peek().outcomes == null) {
            return null;
        }
        Pending p = pending.poll();
        return new Ready(p.batch, p.incarnation, p.outcomes);
    }
}
