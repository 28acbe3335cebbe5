// What the reader makes of one batch of a helper's lines: the commands for the Rib, and every answer in line order.
package org.bgpekko.api;

import java.util.List;
import org.bgpekko.rib.Rib;

/**
 * @param commands the parsed commands the Rib applies together, in order (empty: nothing for the Rib)
 * @param answers  what the helper gets, in the order of its lines, once the Rib applied {@code commands}
 * @param lines    how many lines were read for it (for the reader's bound on unapplied lines)
 */
record HelperBatch(List<Command> commands, List<Answer> answers, int lines) {
    HelperBatch {
        commands = List.copyOf(commands);
        answers = List.copyOf(answers);
    }

    /**
     * ExaBGP 6's answer to a group, from the outcomes of its commands: "group processed: N announced, M
     * withdrawn[, K errors]" (routes counted; K commands failed when applied).
     */
    String groupSummary(GroupSummary g, List<Rib.ApiOutcome> outcomes) {
        int announced = 0;
        int withdrawn = 0;
        int errors = 0;
        for (int i = g.from(); i < g.to(); i++) {
            ApiCommand c = commands.get(i).line().command();
            if (!outcomes.get(i).ok()) {
                errors++;
            } else if (c instanceof ApiCommand.AnnounceRoutes a) {
                announced += a.routes().size();
            } else if (c instanceof ApiCommand.WithdrawRoutes w) {
                withdrawn += w.routes().size();
            }
        }
        return "group processed: " + announced + " announced, " + withdrawn + " withdrawn"
                + (errors > 0 ? ", " + errors + " errors" : "");
    }

    /** A line that parsed, with its text (for the logs). */
    record Command(String text, ApiLine line) {}

    /** One answer. */
    sealed interface Answer {}

    /** The answer of {@code commands.get(index)}, as the Rib's outcome and the answer mode say. */
    record FromRib(int index) implements Answer {}

    /**
     * An answer known without the Rib: {@code lines} (ExaBGP's informational text, always written) and then
     * {@code done} or {@code error} as the answer mode says.
     */
    record Fixed(List<String> lines, boolean ok) implements Answer {
        Fixed {
            lines = List.copyOf(lines);
        }

        static final Fixed DONE = new Fixed(List.of(), true);
        static final Fixed ERROR = new Fixed(List.of(), false);
    }

    /**
     * The answer of a group, from the outcomes of {@code commands[from, to)}: "group processed: N announced, M
     * withdrawn[, K errors]" and {@code done} (ExaBGP 6's text).
     */
    record GroupSummary(int from, int to) implements Answer {}
}
