// What a helper asks of the RIB, typed: the api side translates each parsed command line into one of these.
package org.bgpekko.rib;

import java.util.List;
import java.util.function.Function;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.wire.Family;

/**
 * The Rib knows nothing of the helper command language: {@code api.ApiTranslator} turns a parsed line into an
 * operation and the neighbours it is for ({@link Targets}); the Rib applies it and answers {@code done}, {@code
 * error} with the reason, or output lines then {@code done}.
 */
public sealed interface RibOperation {

    /**
     * Which neighbours an operation is for; asked when it is applied, of every configured neighbour. Targets that are
     * equal select the same neighbours: the Rib asks once per batch for a run of equal ones.
     */
    @FunctionalInterface
    interface Targets {
        boolean includes(NeighborConfig neighbor);

        Targets NONE = n -> false;
    }

    /** Announce routes (their {@code split} already expanded): refused whole when one cannot be encoded. */
    record Announce(List<RouteConfig> routes) implements RibOperation {
        public Announce {
            routes = List.copyOf(routes);
        }
    }

    /** Withdraw routes, keyed by NLRI; the attributes go with MP withdrawals of families other than unicast. */
    record Withdraw(List<RouteConfig> routes) implements RibOperation {
        public Withdraw {
            routes = List.copyOf(routes);
        }
    }

    /**
     * Routes that differ only in their IPv4 unicast prefix (no path identifier, no split): {@code template} with its
     * NLRI replaced by each of {@code prefixes} in turn, in order. One operation for a run of helper lines, each of
     * which has the operation's outcome as its answer: applying it is applying {@link Announce} (or {@link Withdraw})
     * of each route in turn, whose outcomes do not depend on the prefix when {@code template}'s attributes fit an
     * UPDATE with any prefix ({@code UpdateFit.fitsAnyInet}).
     */
    record RouteRun(boolean announce, RouteConfig template, Ipv4Prefixes prefixes) implements RibOperation {}

    /** Announce or withdraw the configured routes of a watchdog group, for every neighbour (as ExaBGP does). */
    record Watchdog(String name, boolean announce) implements RibOperation {}

    /** Withdraw what the neighbours were sent; drop what they were not sent yet. */
    record ClearAdjRibOut() implements RibOperation {}

    /** Send every announced route again (established neighbours). */
    record FlushAdjRibOut() implements RibOperation {}

    /** Forget what the neighbours sent. */
    record ClearAdjRibIn() implements RibOperation {}

    /** Send an End-of-RIB after the changes before it. */
    record EndOfRib(Family family) implements RibOperation {}

    /** Send a ROUTE-REFRESH request after the changes before it. */
    record RefreshRequest(Family family) implements RibOperation {}

    /** Close the session with a Cease of this subcode; a session coming up takes it after its initial table. */
    record Teardown(int subcode) implements RibOperation {}

    /** One line per neighbour: its description (the api side's), state and table sizes. */
    record ShowNeighbors(Function<NeighborConfig, String> describe) implements RibOperation {}

    /**
     * One line per route of the Adj-RIB-In ({@code in}) or Adj-RIB-Out (with the routes the route server relays to a
     * client), written by {@code format}; long answers come in parts. {@code filtered}: only the routes of the
     * Adj-RIB-In the route server's import policy filtered.
     */
    record ShowAdjRib(boolean in, boolean filtered, ShownRoute.Format format) implements RibOperation {}

    /**
     * The route server's GRACEFUL_SHUTDOWN maintenance switch: 65535:0 added to every route sent to a client with an
     * arouteserver policy ({@code on}), or not; every relayed route is sent again.
     */
    record RsGracefulShutdown(boolean on) implements RibOperation {}

    /** Changes nothing here: answered with these lines (maybe none), then {@code done}. */
    record Answer(List<String> output) implements RibOperation {
        public Answer {
            output = List.copyOf(output);
        }
    }
}
