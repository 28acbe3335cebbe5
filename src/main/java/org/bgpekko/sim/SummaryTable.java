// The summary of a scenario run as terminal text: one line per member, then the assertions.
package org.bgpekko.sim;

import java.io.PrintWriter;
import java.util.Locale;

public final class SummaryTable {
    private SummaryTable() {}

    /** Prints the per-member table (routes held, UPDATEs received, sessions, virtual time of the last change). */
    public static void print(ScenarioRun.Result r, PrintWriter out) {
        out.printf(Locale.ROOT, "%-14s %10s %-12s %9s %8s %6s %8s %14s%n", "member", "asn", "state", "routes",
                "updates", "up", "dropped", "last change (s)");
        for (ScenarioRun.Row row : r.rows()) {
            out.printf(Locale.ROOT, "%-14s %10d %-12s %9d %8d %6d %8d %14s%n", row.name(), row.asn(), row.state(),
                    row.routes(), row.updates(), row.sessionsUp(), row.dropped(),
                    row.lastChangeNanos() < 0 ? "-" : Durations.seconds(row.lastChangeNanos()));
        }
        long routes = r.rows().stream().mapToLong(ScenarioRun.Row::routes).sum();
        long updates = r.rows().stream().mapToLong(ScenarioRun.Row::updates).sum();
        out.printf(Locale.ROOT, "%d members, %,d routes held, %,d UPDATEs received; %ss of virtual time in %.1f s "
                        + "of wall-clock time (peak heap %,d MiB); %,d events, log sha256 %s%n",
                r.rows().size(), routes, updates, Durations.seconds(r.until().toNanos()), r.wallMillis() / 1000.0,
                r.peakHeapBytes() >> 20, r.events(), r.digest().substring(0, 16));
        if (r.foreignPosts() > 0) {
            out.printf("warning: %d task(s) reached the simulation from another thread: this run may not repeat%n",
                    r.foreignPosts());
        }
        for (ScenarioRun.Outcome o : r.outcomes()) {
            out.println((o.ok() ? "PASS " : "FAIL ") + o.text() + (o.ok() ? "" : ": " + o.detail()));
        }
    }
}
