// Turns one parsed helper line into the typed RIB operation it asks for, and the neighbours it selects.
package org.bgpekko.api;

import java.util.List;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.rib.Rib;
import org.bgpekko.rib.RibOperation;

/**
 * The seam between the helper command language and the Rib: the gateway calls {@link #translate} for each parsed
 * command of a batch and sends the results as one {@link Rib.ApiBatch} (a line that could not be parsed is answered
 * by the reader and never reaches the Rib).
 * Commands that take effect in the gateway (acknowledgement modes, shutdown, reload, restart) become an empty
 * {@link RibOperation.Answer}, so their {@code done} keeps its place among the batch's answers.
 */
public final class ApiTranslator {
    private ApiTranslator() {}

    /** Line {@code text} of helper {@code process}, parsed as {@code line}. */
    public static Rib.ApiInput translate(String process, String text, ApiLine line) {
        return translate(new Served(process), text, line);
    }

    /** The same, with the targets of the helper's lines without selectors given (one instance per helper). */
    static Rib.ApiInput translate(Served served, String text, ApiLine line) {
        String process = served.process();
        // the helper serves the neighbour (its api block names it) and a selector of the line matches it
        RibOperation.Targets targets = line.selectors().isEmpty() ? served
                : n -> EventRoutes.serves(n, process) && line.matches(n);
        return new Rib.ApiInput(text, targets, operation(process, line.command()));
    }

    /**
     * The targets of a line without selectors: every neighbour the helper serves. A value (equal for every such line
     * of one helper), so the Rib works the neighbours out once for a run of lines.
     */
    record Served(String process) implements RibOperation.Targets {
        @Override
        public boolean includes(NeighborConfig neighbor) {
            return EventRoutes.serves(neighbor, process);
        }
    }

    static RibOperation operation(String process, ApiCommand c) {
        if (c instanceof ApiCommand.AnnounceRoutes a) {
            return new RibOperation.Announce(a.routes());
        } else if (c instanceof ApiCommand.WithdrawRoutes w) {
            return new RibOperation.Withdraw(w.routes());
        } else if (c instanceof ApiCommand.RouteRun r) {
            return new RibOperation.RouteRun(r.announce(), r.template(), r.prefixes());
        } else if (c instanceof ApiCommand.Watchdog w) {
            return new RibOperation.Watchdog(w.name().isEmpty() ? process : w.name(), w.announce());
        } else if (c instanceof ApiCommand.ClearAdjRibOut) {
            return new RibOperation.ClearAdjRibOut();
        } else if (c instanceof ApiCommand.FlushAdjRibOut) {
            return new RibOperation.FlushAdjRibOut();
        } else if (c instanceof ApiCommand.ClearAdjRibIn) {
            return new RibOperation.ClearAdjRibIn();
        } else if (c instanceof ApiCommand.AnnounceEor e) {
            return new RibOperation.EndOfRib(e.family());
        } else if (c instanceof ApiCommand.RouteRefresh r) {
            return new RibOperation.RefreshRequest(r.family());
        } else if (c instanceof ApiCommand.Teardown t) {
            return new RibOperation.Teardown(t.subcode());
        } else if (c instanceof ApiCommand.ShowNeighbor) {
            return new RibOperation.ShowNeighbors(Selector::describe);
        } else if (c instanceof ApiCommand.ShowAdjRib s) {
            return new RibOperation.ShowAdjRib(s.in(), s.filtered(), s.json() ? ShowRoutes::json : ShowRoutes::text);
        } else if (c instanceof ApiCommand.RsGracefulShutdown g) {
            return new RibOperation.RsGracefulShutdown(g.on());
        } else if (c instanceof ApiCommand.Version) {
            return new RibOperation.Answer(List.of("bgpekko " + version()));
        }
        // shutdown, reload, restart, the ack controls and debug take effect in the gateway
        return new RibOperation.Answer(List.of());
    }

    /** The version of the running jar (the manifest's), "dev" when run from classes. */
    private static String version() {
        String v = ApiTranslator.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
