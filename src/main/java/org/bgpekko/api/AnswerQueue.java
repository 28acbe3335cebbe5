// One helper's batches not answered yet, oldest first: a batch's answers leave in line order, after all before it.
package org.bgpekko.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.bgpekko.rib.Rib;

/**
 * A batch with commands waits for the Rib's outcomes; a batch without (answers known at once: a parse error, "group
 * started") waits only for the batches before it. The Rib answers one helper's batches in order, so outcomes go to
 * the oldest batch still waiting for them. A long answer ({@code show adj-rib} of a large table) comes in parts: the
 * outcomes of the commands before it, then its lines, then its own outcome. A batch's answers are written once the
 * Rib applied all of it, except around a long answer: then they are written as far as its outcomes go, so the lines
 * of a long answer follow the answers of the lines before it. Batches of a former
 * incarnation of the helper keep their place and are dropped unanswered when their turn comes.
 */
final class AnswerQueue {
    /** Where answers are written: one call per answer of a batch, in order. */
    interface Writer {
        /** The answer {@code answer} of {@code batch}, whose outcomes so far are {@code outcomes}. */
        void answer(HelperBatch batch, HelperBatch.Answer answer, List<Rib.ApiOutcome> outcomes);

        /** A batch fully answered: its lines were applied. */
        void done(HelperBatch batch);
    }

    private static final class Pending {
        final HelperBatch batch;
        final long incarnation;
        final boolean toRib;
        final List<Rib.ApiOutcome> outcomes = new ArrayList<>();
        boolean complete;
        /** A long answer is being written: the answers before it go before the batch is complete. */
        boolean streaming;
        /** Answers of the batch written so far. */
        int written;

        Pending(HelperBatch batch, long incarnation) {
            this.batch = batch;
            this.incarnation = incarnation;
            this.toRib = !batch.commands().isEmpty();
            this.complete = !toRib;
        }
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    /** Queues a batch; true when its commands must go to the Rib. */
    boolean add(HelperBatch batch, long incarnation) {
        Pending p = new Pending(batch, incarnation);
        pending.add(p);
        return p.toRib;
    }

    /**
     * Outcomes of the oldest batch sent to the Rib and not complete, in the order the Rib gave them ({@code more}
     * outcomes are lines of a long answer still being written); {@code complete} when the batch has them all.
     * Writes every answer that can be written, for the current {@code incarnation} only.
     */
    void applied(List<Rib.ApiOutcome> outcomes, boolean complete, long incarnation, Writer out,
                 java.util.function.Consumer<List<String>> moreLines) {
        Pending target = null;
        for (Pending p : pending) {
            if (!p.complete) {
                target = p;
                break;
            }
        }
        if (target == null) {
            return;
        }
        for (Rib.ApiOutcome o : outcomes) {
            if (o.more()) {
                target.streaming = true;
                write(incarnation, out); // the answers before the long one leave first
                if (target == pending.peek() && target.incarnation == incarnation) {
                    moreLines.accept(o.output());
                }
            } else {
                target.outcomes.add(o);
            }
        }
        target.complete = complete;
        write(incarnation, out);
    }

    /** Writes every answer that can be written now, oldest batch first. */
    void write(long incarnation, Writer out) {
        while (!pending.isEmpty()) {
            Pending p = pending.peek();
            List<HelperBatch.Answer> answers = p.batch.answers();
            boolean current = p.incarnation == incarnation;
            if (!p.complete && !p.streaming) {
                return; // a batch's answers wait until the Rib applied all of it
            }
            while (p.written < answers.size() && ready(answers.get(p.written), p.outcomes.size())) {
                if (current) {
                    out.answer(p.batch, answers.get(p.written), p.outcomes);
                }
                p.written++;
            }
            if (!p.complete || p.written < answers.size()) {
                return;
            }
            pending.poll();
            if (current) {
                out.done(p.batch);
            }
        }
    }

    private static boolean ready(HelperBatch.Answer a, int outcomes) {
        if (a instanceof HelperBatch.FromRib r) {
            return r.index() < outcomes;
        } else if (a instanceof HelperBatch.GroupSummary g) {
            return g.to() <= outcomes;
        }
        return true;
    }
}
