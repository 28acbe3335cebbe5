// `bgpekko simulate SCENARIO`: runs a whole exchange in virtual time, prints its table, exits 1 if an assertion fails.
package org.bgpekko.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bgpekko.config.ConfigException;
import org.bgpekko.sim.Report;
import org.bgpekko.sim.Scenario;
import org.bgpekko.sim.ScenarioException;
import org.bgpekko.sim.ScenarioRun;
import org.bgpekko.sim.SummaryTable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a simulated exchange (the route server and its members in one JVM, in virtual time); "
                + "exit 0 when every assertion of the scenario holds, 1 otherwise.")
final class SimulateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "scenario file (YAML, see docs/simulation.md)")
    Path scenario;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the run (default: the scenario's, else 1)")
    Long seed;

    @Option(names = "--until", paramLabel = "T", description = "virtual end time, like 300s or 5m (default: the "
            + "scenario's)")
    String until;

    @Option(names = "--events", paramLabel = "FILE.jsonl", description = "write the event log (JSON lines)")
    Path events;

    @Option(names = "--report", paramLabel = "FILE.html", description = "write an HTML report with a plot of the "
            + "routes held over virtual time")
    Path report;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR); // members go down on purpose
        Scenario s;
        ScenarioRun.Result r;
        try {
            s = Scenario.read(scenario);
            java.time.Duration end = until == null ? null : parseUntil(until);
            try (Writer w = events == null ? null : Files.newBufferedWriter(events)) {
                boolean terminal = System.console() != null;
                long[] lastLine = {0};
                r = ScenarioRun.run(s, seed, end, w,
                        quiet ? null : line -> {
                            if (terminal) {
                                err.print("\r" + line); // one line, rewritten
                            } else if (System.nanoTime() - lastLine[0] > 2_000_000_000L) {
                                lastLine[0] = System.nanoTime();
                                err.println(line);
                            }
                            err.flush();
                        });
                if (!quiet && terminal) {
                    err.println();
                }
            }
        } catch (ScenarioException | ConfigException e) {
            err.println(e instanceof ConfigException c ? c.describe() : e.getMessage());
            return 2;
        }
        SummaryTable.print(r, out);
        if (report != null) {
            Files.writeString(report, Report.html(r));
            out.println("report: " + report);
        }
        if (events != null) {
            out.println("events: " + events);
        }
        out.flush();
        if (!r.ok()) {
            err.println(r.failed().size() + " assertion(s) failed:");
            r.failed().forEach(o -> err.println("  " + o.text() + ": " + o.detail()));
            return 1;
        }
        return 0;
    }

    private java.time.Duration parseUntil(String text) {
        try {
            return org.bgpekko.sim.Simulation.duration(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--until: " + e.getMessage());
        }
    }
}
