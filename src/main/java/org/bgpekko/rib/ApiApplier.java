// Applies one helper-API command to the neighbours it selects: Adj-RIB-Out changes, End-of-RIB, refresh, teardown.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bgpekko.api.ApiCommand;
import org.bgpekko.api.ApiLine;
import org.bgpekko.api.EventRoutes;
import org.bgpekko.app.Version;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.peer.Peer;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;

final class ApiApplier {
    private ApiApplier() {}

    /** Applies {@code line} from helper {@code process}; never throws for a well-formed line. */
    static Rib.ApiOutcome apply(String process, ApiLine line, Collection<PeerState> peers) {
        List<PeerState> targets = new ArrayList<>();
        for (PeerState p : peers) {
            if (EventRoutes.serves(p.config, process) && line.matches(p.config)) {
                targets.add(p);
            }
        }
        ApiCommand c = line.command();
        if (c instanceof ApiCommand.AnnounceRoutes a) {
            return routes(targets, a.routes(), true);
        } else if (c instanceof ApiCommand.WithdrawRoutes w) {
            return routes(targets, w.routes(), false);
        } else if (c instanceof ApiCommand.Watchdog w) {
            String name = w.name().isEmpty() ? process : w.name();
            for (PeerState p : peers) {
                for (Change ch : p.statics.watchdog(name)) {
                    if (w.announce()) {
                        p.change(out -> out.announce(ch));
                    } else {
                        p.change(out -> out.withdraw(Change.withdraw(ch.nlri(), ch.attributes())));
                    }
                }
            }
            return Rib.ApiOutcome.done();
        } else if (c instanceof ApiCommand.ClearAdjRibOut) {
            targets.forEach(p -> p.change(AdjRibOut::withdrawAll));
            return Rib.ApiOutcome.done();
        } else if (c instanceof ApiCommand.ClearAdjRibIn) {
            targets.stream().filter(PeerState::established).forEach(p -> p.in.clear());
            return Rib.ApiOutcome.done();
        }
        if (c instanceof ApiCommand.AnnounceEor e) {
            // sent after the changes before it, on this session or the next one (ExaBGP keeps them queued)
            targets.forEach(p -> p.request(q -> q.endOfRibRequests.add(e.family())));
            return targets.isEmpty() ? Rib.ApiOutcome.error("no neighbour matches the command") : Rib.ApiOutcome.done();
        } else if (c instanceof ApiCommand.RouteRefresh r) {
            targets.forEach(p -> p.request(q -> q.refreshRequests.add(r.family())));
            return targets.isEmpty() ? Rib.ApiOutcome.error("no neighbour matches the command") : Rib.ApiOutcome.done();
        }
        List<PeerState> up = targets.stream().filter(PeerState::established).toList();
        if (c instanceof ApiCommand.FlushAdjRibOut) {
            // held with its batch like any change (D9): a flush written before the initial table follows it
            targets.forEach(p -> p.request(q -> {
                if (q.established()) {
                    q.out.resendAll(q.session.families(), q.config.capability().routeRefresh());
                }
            }));
        } else if (c instanceof ApiCommand.Teardown t) {
            // like ExaBGP's teardown flag, a session coming up takes it once its initial table is out
            List<PeerState> coming = targets.stream().filter(p -> p.established() || p.holding != null).toList();
            if (coming.isEmpty()) {
                return Rib.ApiOutcome.error("no established neighbour matches the command");
            }
            coming.forEach(p -> p.request(q -> {
                if (q.established()) {
                    q.peer.tell(new Peer.Teardown(t.subcode(), ""));
                }
            }));
        } else if (c instanceof ApiCommand.ShowNeighbor) {
            return Rib.ApiOutcome.output(ApiShow.neighbors(targets));
        } else if (c instanceof ApiCommand.ShowAdjRib s) {
            return Rib.ApiOutcome.output(s.in() ? ApiShow.adjRibIn(up) : ApiShow.adjRibOut(targets));
        } else if (c instanceof ApiCommand.Version) {
            return Rib.ApiOutcome.output(List.of("bgpekko " + Version.current()));
        }
        // shutdown, reload, restart, the ack controls and debug take effect in the gateway
        return Rib.ApiOutcome.done();
    }

    private static Rib.ApiOutcome routes(List<PeerState> targets, List<RouteConfig> routes, boolean announce) {
        if (targets.isEmpty()) {
            return Rib.ApiOutcome.error("no neighbour matches the command");
        }
        int applied = 0;
        for (PeerState p : targets) {
            for (RouteConfig r : routes) {
                if (!carries(p.config, r.nlri())) {
                    continue;
                }
                OutboundAttributes attrs = new OutboundAttributes(r.attributes(), resolveSelf(p.config, r));
                for (Nlri n : StaticRoutes.split(r.nlri(), r.split())) {
                    Change ch = announce ? Change.announce(n, attrs) : Change.withdraw(n, attrs);
                    p.change(announce ? out -> out.announce(ch) : out -> out.withdraw(ch));
                    applied++;
                }
            }
        }
        return applied > 0 || routes.isEmpty() ? Rib.ApiOutcome.done()
                : Rib.ApiOutcome.error("no selected neighbour has the family of the route");
    }

    /**
     * ExaBGP resolves {@code next-hop self} against the configured local address when the command is applied,
     * so {@code self} and that address are the same route (api-nexthop-self); with no local address it is
     * resolved per session.
     */
    private static Optional<IpAddress> resolveSelf(NeighborConfig n, RouteConfig r) {
        if (r.nextHop().isPresent() || n.localAddress() == null) {
            return r.nextHop();
        }
        return Optional.of(n.localAddress());
    }

    /** A neighbour takes routes of its configured families (every family when none is configured). */
    private static boolean carries(NeighborConfig n, Nlri nlri) {
        return n.families().isEmpty() || n.families().contains(nlri.family());
    }
}
