// The answers to each helper's batches, in order: a long one (a show) goes in parts, the next when the gateway asks.
package org.bgpekko.rib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Bounded answers: at most {@link #PART_LINES} output lines travel in one {@link Rib.ApiApplied} (and every done or
 * error of the batch, whose number the gateway bounds); the next part is
 * written when the gateway sends {@link Rib.ApiMore} (it does once the helper has read most of what it was sent), so
 * a {@code show adj-rib out} of a million routes never exists as a million strings, and a helper that does not read
 * holds up only its own later batches, which wait here (the gateway bounds how many lines it has unanswered).
 */
final class ApiReplies {
    static final int PART_LINES = 1000;

    /** One line's answer: complete, or lines written over several parts, then {@code done}. */
    record Part(Rib.ApiOutcome outcome, ApiShow.Cursor cursor) {}

    /** A batch whose answer is being written, and the batches of the same helper waiting behind it. */
    private static final class Reply {
        final ActorRef<Rib.ApiApplied> replyTo;
        final ArrayDeque<Part> parts;
        final ArrayDeque<Rib.ApiBatch> waiting = new ArrayDeque<>();

        Reply(ActorRef<Rib.ApiApplied> replyTo, List<Part> parts) {
            this.replyTo = replyTo;
            this.parts = new ArrayDeque<>(parts);
        }
    }

    private final Map<String, Reply> writing = new HashMap<>();

    /** True while an answer of this helper is being written: its next batch must wait ({@link #await}). */
    boolean busy(String process) {
        return writing.containsKey(process);
    }

    void await(Rib.ApiBatch batch) {
        writing.get(batch.process()).waiting.add(batch);
    }

    /** Writes the first part of a batch's answer; true when it is complete already. */
    boolean answer(String process, ActorRef<Rib.ApiApplied> replyTo, List<Part> parts) {
        List<Rib.ApiOutcome> whole = whole(parts);
        if (whole != null) { // the common case: one message, nothing kept
            replyTo.tell(new Rib.ApiApplied(process, whole, true));
            return true;
        }
        Reply r = new Reply(replyTo, parts);
        writing.put(process, r);
        return writePart(process, r);
    }

    /**
     * The gateway wants the next part. Returns the batches that waited behind a now complete answer (to be applied
     * in order), else none.
     */
    List<Rib.ApiBatch> more(String process) {
        Reply r = writing.get(process);
        if (r == null || !writePart(process, r)) {
            return List.of();
        }
        return new ArrayList<>(r.waiting);
    }

    /** Releases what unfinished answers hold (the Rib stops). */
    void close() {
        writing.values().forEach(r -> r.parts.forEach(p -> {
            if (p.cursor() != null) {
                p.cursor().close();
            }
        }));
        writing.clear();
    }

    /** The outcomes, when {@link #writePart} would write them all in the first part (no show, few lines); else null. */
    private static List<Rib.ApiOutcome> whole(List<Part> parts) {
        List<Rib.ApiOutcome> out = new ArrayList<>(parts.size());
        int lines = 0;
        for (Part p : parts) {
            if (p.cursor() != null || lines >= PART_LINES) {
                return null;
            }
            out.add(p.outcome());
            lines += p.outcome().output().size();
        }
        return out;
    }

    private boolean writePart(String process, Reply r) {
        List<Rib.ApiOutcome> out = new ArrayList<>();
        int lines = 0;
        while (!r.parts.isEmpty() && lines < PART_LINES) {
            Part p = r.parts.peek();
            if (p.cursor() == null) {
                out.add(p.outcome());
                lines += p.outcome().output().size(); // a done or error is bounded by the batch's lines
                r.parts.poll();
                continue;
            }
            List<String> chunk = p.cursor().next(PART_LINES - lines);
            lines += chunk.size();
            if (p.cursor().done()) {
                p.cursor().close();
                out.add(Rib.ApiOutcome.output(chunk));
                r.parts.poll();
            } else {
                out.add(Rib.ApiOutcome.more(chunk));
            }
        }
        boolean complete = r.parts.isEmpty();
        r.replyTo.tell(new Rib.ApiApplied(process, out, complete));
        if (complete) {
            writing.remove(process);
        }
        return complete;
    }
}
