// What one helper-API line asks for, typed: the commands of ExaBGP's text API that bgpekko understands.
package org.bgpekko.api;

import java.util.List;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.rib.Ipv4Prefixes;
import org.bgpekko.wire.Family;

/**
 * One command of the helper API (ExaBGP's text commands). {@link ApiParser} builds them; the selectors that
 * restrict a command to some neighbours travel beside it in {@link ApiLine}.
 */
public sealed interface ApiCommand {

    /**
     * {@code announce route …}, {@code announce ipv4|ipv6 unicast …}, {@code announce attribute(s) … nlri …}.
     * {@code split} is already expanded: every route has {@code split() == -1}. A route's next hop is empty for
     * {@code next-hop self} (resolved per session to the local address).
     */
    record AnnounceRoutes(List<RouteConfig> routes) implements ApiCommand {
        public AnnounceRoutes {
            routes = List.copyOf(routes);
        }
    }

    /**
     * {@code withdraw route …} and the other route forms with {@code withdraw}. The key is the NLRI (prefix, RD,
     * path id). A withdrawal written without {@code next-hop} gets next hop 0.0.0.0, as ExaBGP's API sets it
     * (never empty, so an empty next hop still means {@code self}). The other attributes are kept: MP families
     * other than unicast copy them into the withdrawal. {@code split} is expanded as for announcements.
     */
    record WithdrawRoutes(List<RouteConfig> routes) implements ApiCommand {
        public WithdrawRoutes {
            routes = List.copyOf(routes);
        }
    }

    /**
     * A run of back-to-back lines {@code announce route P WORDS} (or {@code withdraw}) with the same WORDS and an IPv4
     * prefix each, outside a group: {@link AnnounceRoutes} (or {@link WithdrawRoutes}) of {@code template} with its
     * prefix replaced by each of {@code prefixes}, in order, one command per line with one outcome for all (the reader
     * makes it, {@link BatchAssembler}; never the parser).
     */
    record RouteRun(boolean announce, RouteConfig template, Ipv4Prefixes prefixes) implements ApiCommand {}

    /** {@code announce eor [AFI SAFI]}: an End-of-RIB for the family (bare: IPv4 unicast). */
    record AnnounceEor(Family family) implements ApiCommand {}

    /** {@code announce route-refresh AFI SAFI}: send a ROUTE-REFRESH request. */
    record RouteRefresh(Family family) implements ApiCommand {}

    /**
     * {@code announce watchdog NAME} / {@code withdraw watchdog NAME}. An empty name (the command written without
     * one) means the helper's own process name, as ExaBGP does. ExaBGP applies watchdogs to every configured
     * neighbour whatever the selectors say.
     */
    record Watchdog(String name, boolean announce) implements ApiCommand {}

    /** {@code clear adj-rib out}: withdraw everything announced to the neighbours. */
    record ClearAdjRibOut() implements ApiCommand {}

    /** {@code flush adj-rib out}: re-send every announced route (established neighbours only). */
    record FlushAdjRibOut() implements ApiCommand {}

    /** {@code clear adj-rib in}: forget what the neighbours sent. */
    record ClearAdjRibIn() implements ApiCommand {}

    /** {@code neighbor IP teardown N}: close the session with NOTIFICATION Cease / subcode N (0..255). */
    record Teardown(int subcode) implements ApiCommand {}

    /** {@code shutdown}: stop the speaker. */
    record Shutdown() implements ApiCommand {}

    /** {@code reload}: reload the configuration (as SIGUSR1). */
    record Reload() implements ApiCommand {}

    /** {@code restart}: reload the configuration and restart the helpers (as SIGUSR2). */
    record Restart() implements ApiCommand {}

    /** {@code enable-ack}, {@code disable-ack}, {@code silence-ack}. */
    record Ack(AckMode mode) implements ApiCommand {}

    /** How a helper wants its commands acknowledged. */
    enum AckMode {
        /** Answer {@code done}/{@code error} again; this command itself answers {@code done}. */
        ENABLE,
        /** Answer this command with a last {@code done}, then nothing. */
        DISABLE,
        /** Stop answering at once: not even this command is answered. */
        SILENCE
    }

    /**
     * {@code show neighbor [summary|extensive|configuration]}: {@code variant} is "" (bare), "summary", "extensive"
     * or "configuration". An address written after {@code neighbor} comes as the line's single selector.
     */
    record ShowNeighbor(String variant) implements ApiCommand {}

    /**
     * {@code show adj-rib in|out [[neighbor] IP] [filtered] [extensive] [json]}; the address comes as the line's single
     * selector. With {@code json} each route is one JSON object on its own line ({@code api.ShowRoutes}); with
     * {@code filtered} only the routes of the Adj-RIB-In the route server's policy filtered, with their reasons.
     */
    record ShowAdjRib(boolean in, boolean extensive, boolean json, boolean filtered) implements ApiCommand {}

    /**
     * {@code route-server graceful-shutdown on|off}: GRACEFUL_SHUTDOWN (65535:0) added to every route the route server
     * sends its clients, for maintenance (RFC 8326), or no longer.
     */
    record RsGracefulShutdown(boolean on) implements ApiCommand {}

    /** {@code version}: the speaker answers its version line, then {@code done}. */
    record Version() implements ApiCommand {}

    /**
     * {@code debug TEXT}: ExaBGP logs the text and answers nothing (no {@code done}, no {@code error}). The text is
     * the rest of the line as written (not normalised).
     */
    record Debug(String text) implements ApiCommand {}

    /** {@code group start}: the lines up to {@code group end} are applied as one batch (ExaBGP 6). */
    record GroupStart() implements ApiCommand {}

    /** {@code group end}: applies the open group. */
    record GroupEnd() implements ApiCommand {}

    /**
     * {@code [selectors] group CMD ; CMD ; …}: the commands, applied as one batch. Each line carries the group's
     * selectors when the group line has some.
     */
    record Group(List<ApiLine> lines) implements ApiCommand {
        public Group {
            lines = List.copyOf(lines);
        }
    }
}
