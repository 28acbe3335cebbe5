// AnswerQueue: answers leave in line order, whole batches once applied, long answers in parts after what precedes them.
package org.bgpekko.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.rib.Rib;
import org.junit.jupiter.api.Test;

class AnswerQueueTest {
    private final List<String> written = new ArrayList<>();
    private final AnswerQueue.Writer out = new AnswerQueue.Writer() {
        @Override
        public void answer(HelperBatch batch, HelperBatch.Answer a, List<Rib.ApiOutcome> outcomes) {
            if (a instanceof HelperBatch.FromRib r) {
                Rib.ApiOutcome o = outcomes.get(r.index());
                written.addAll(o.output());
                written.add(o.ok() ? "done" : "error");
            } else if (a instanceof HelperBatch.Fixed f) {
                written.add(f.ok() ? "done" : "error");
            } else {
                written.add("summary");
            }
        }

        @Override
        public void done(HelperBatch batch) {
            written.add("applied " + batch.lines());
        }
    };

    private static HelperBatch rib(int commands, int lines) {
        List<HelperBatch.Command> cs = new ArrayList<>();
        List<HelperBatch.Answer> as = new ArrayList<>();
        for (int i = 0; i < commands; i++) {
            cs.add(new HelperBatch.Command("c" + i, null));
            as.add(new HelperBatch.FromRib(i));
        }
        return new HelperBatch(cs, as, lines);
    }

    private static final HelperBatch BAD_LINE = new HelperBatch(List.of(), List.of(HelperBatch.Fixed.ERROR), 1);

    @Test
    void aBatchWithoutCommandsWaitsBehindOneAtTheRib() {
        AnswerQueue q = new AnswerQueue();
        q.add(rib(1, 1), 1);
        q.add(BAD_LINE, 1);
        q.write(1, out);
        assertEquals(List.of(), written, "nothing before the first batch is applied");
        q.applied(List.of(Rib.ApiOutcome.done()), true, 1, out, written::addAll);
        assertEquals(List.of("done", "applied 1", "error", "applied 1"), written);
    }

    @Test
    void aBatchIsAnsweredOnlyWhenTheRibAppliedAllOfIt() {
        AnswerQueue q = new AnswerQueue();
        q.add(new HelperBatch(List.of(new HelperBatch.Command("c0", null), new HelperBatch.Command("c1", null)),
                List.of(new HelperBatch.FromRib(0), HelperBatch.Fixed.ERROR, new HelperBatch.FromRib(1)), 3), 1);
        q.write(1, out);
        assertEquals(List.of(), written, "the parse error waits for the batch it belongs to");
        q.applied(List.of(Rib.ApiOutcome.done(), Rib.ApiOutcome.error("no")), true, 1, out, written::addAll);
        assertEquals(List.of("done", "error", "error", "applied 3"), written);
    }

    /** A long answer's lines follow the answers of the lines before it, and its done comes at its end. */
    @Test
    void aLongAnswerIsWrittenInPartsAfterWhatPrecedesIt() {
        AnswerQueue q = new AnswerQueue();
        q.add(rib(2, 2), 1);
        q.add(BAD_LINE, 1);
        q.applied(List.of(Rib.ApiOutcome.done(), Rib.ApiOutcome.more(List.of("a", "b"))), false, 1, out,
                written::addAll);
        assertEquals(List.of("done", "a", "b"), written);
        q.applied(List.of(Rib.ApiOutcome.more(List.of("c"))), false, 1, out, written::addAll);
        q.applied(List.of(Rib.ApiOutcome.output(List.of("d"))), true, 1, out, written::addAll);
        assertEquals(List.of("done", "a", "b", "c", "d", "done", "applied 2", "error", "applied 1"), written);
    }

    /** Batches of a helper that exited since keep their place and are dropped unanswered. */
    @Test
    void aFormerIncarnationsBatchesAreDroppedUnanswered() {
        AnswerQueue q = new AnswerQueue();
        q.add(rib(1, 1), 1);
        q.add(rib(1, 1), 2);
        q.applied(List.of(Rib.ApiOutcome.more(List.of("old"))), false, 2, out, written::addAll);
        q.applied(List.of(Rib.ApiOutcome.done()), true, 2, out, written::addAll);
        assertEquals(List.of(), written, "the first batch was the former helper's");
        q.applied(List.of(Rib.ApiOutcome.done()), true, 2, out, written::addAll);
        assertEquals(List.of("done", "applied 1"), written);
    }
}
