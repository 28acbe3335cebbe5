// Applies one helper operation to the neighbours it selects: Adj-RIB-Out changes, End-of-RIB, refresh, teardown, show.
package org.bgpekko.rib;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.peer.OpenBuilder;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.UpdateFit;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;

final class ApiApplier {
    private static final ApiReplies.Part DONE = new ApiReplies.Part(Rib.ApiOutcome.done(), null);

    private final NlriSlots slots;
    private final InternTable<OutboundAttributes> attrs;
    private final AttributeStore received;
    private final Relay relay;
    /** Ids held while the routes of one command are checked (reused). */
    private final IntArrayList held = new IntArrayList();

    // Within one batch (the neighbours and their configuration do not change during it), the lines of a helper
    // usually select the same neighbours and repeat one attribute set: those are worked out once.
    private RibOperation.Targets lastTargets;
    private List<PeerState> lastSelected;
    /** The last attribute set built from a command's attributes: the same instance interns without hashing. */
    private OutboundAttributes lastOutbound;
    private NeighborConfig lastCarrier;
    private Family lastCarried;
    private boolean lastCarries;

    ApiApplier(NlriSlots slots, InternTable<OutboundAttributes> attrs, AttributeStore received, Relay relay) {
        this.slots = slots;
        this.attrs = attrs;
        this.received = received;
        this.relay = relay;
    }

    /** A helper batch begins: nothing worked out for the previous one is used. */
    void beginBatch() {
        lastTargets = null;
        lastSelected = null;
        lastOutbound = null;
        lastCarrier = null;
        lastCarried = null;
    }

    /** Applies one line of a helper batch: its answer, or the cursor of a show's lines. */
    ApiReplies.Part apply(Rib.ApiInput input, Collection<PeerState> peers) {
        if (input.operation() instanceof RibOperation.ShowAdjRib s) {
            List<PeerState> targets = targets(input, peers);
            return new ApiReplies.Part(null, s.in()
                    ? ApiShow.adjRibIn(established(targets), received, relay.server, s.filtered(), s.format())
                    : ApiShow.adjRibOut(targets, slots, attrs, relay, s.format()));
        }
        Rib.ApiOutcome outcome = outcome(input, peers);
        return outcome == DONE.outcome() ? DONE : new ApiReplies.Part(outcome, null);
    }

    /** The neighbours a line selects (not to be changed: the same list may serve the next lines of the batch). */
    private List<PeerState> targets(Rib.ApiInput input, Collection<PeerState> peers) {
        if (lastSelected != null && input.targets().equals(lastTargets)) {
            return lastSelected;
        }
        List<PeerState> targets = new ArrayList<>();
        for (PeerState p : peers) {
            if (input.targets().includes(p.config)) {
                targets.add(p);
            }
        }
        lastTargets = input.targets();
        lastSelected = targets;
        return targets;
    }

    private Rib.ApiOutcome outcome(Rib.ApiInput input, Collection<PeerState> peers) {
        RibOperation op = input.operation();
        if (op instanceof RibOperation.Answer a) {
            return Rib.ApiOutcome.output(a.output());
        }
        if (op instanceof RibOperation.Watchdog w) {
            peers.forEach(p -> watchdog(p, w));
            return Rib.ApiOutcome.done();
        }
        List<PeerState> targets = targets(input, peers);
        if (op instanceof RibOperation.Announce a) {
            return routes(targets, a.routes(), true);
        } else if (op instanceof RibOperation.Withdraw w) {
            return routes(targets, w.routes(), false);
        } else if (op instanceof RibOperation.RouteRun r) {
            return run(targets, r);
        } else if (op instanceof RibOperation.ClearAdjRibOut) {
            targets.forEach(p -> p.changes().withdrawAll());
        } else if (op instanceof RibOperation.ClearAdjRibIn) {
            established(targets).forEach(p -> p.in.clear());
        } else if (op instanceof RibOperation.FlushAdjRibOut) {
            // held with its batch like any change (D9): a flush written before the initial table follows it; the
            // encoder leaves out the families the session does not negotiate
            targets.forEach(p -> p.changes().resend(p.established() ? p.session.families()
                    : OpenBuilder.families(p.config), p.config.capability().routeRefresh()));
        } else if (op instanceof RibOperation.EndOfRib e) {
            // sent after the changes before it, on this session or the next one (ExaBGP keeps them queued)
            targets.forEach(p -> p.changes().endOfRib(e.family()));
            return targets.isEmpty() ? noTarget() : Rib.ApiOutcome.done();
        } else if (op instanceof RibOperation.RefreshRequest r) {
            targets.forEach(p -> p.changes().refreshRequest(r.family()));
            return targets.isEmpty() ? noTarget() : Rib.ApiOutcome.done();
        } else if (op instanceof RibOperation.Teardown t) {
            return teardown(targets, t.subcode());
        } else if (op instanceof RibOperation.RsGracefulShutdown g) {
            relay.performGracefulShutdown(g.on());
        } else if (op instanceof RibOperation.ShowNeighbors s) {
            return Rib.ApiOutcome.output(ApiShow.neighbors(targets, s.describe()));
        }
        return Rib.ApiOutcome.done();
    }

    private static List<PeerState> established(List<PeerState> targets) {
        return targets.stream().filter(PeerState::established).toList();
    }

    /** Like ExaBGP's teardown flag: a session coming up takes it once its initial table is out. */
    private static Rib.ApiOutcome teardown(List<PeerState> targets, int subcode) {
        List<PeerState> coming = targets.stream().filter(p -> p.established() || p.flow.holds()).toList();
        if (coming.isEmpty()) {
            return Rib.ApiOutcome.error("no established neighbour matches the command");
        }
        coming.forEach(p -> p.teardown(subcode));
        return Rib.ApiOutcome.done();
    }

    private void watchdog(PeerState p, RibOperation.Watchdog w) {
        for (StaticRoutes.StaticRoute r : p.statics.watchdog(w.name())) {
            int attr = attrs.acquire(r.attributes());
            int slot = slots.acquire(r.nlri());
            if (w.announce()) {
                p.changes().announce(slot, attr);
            } else {
                p.changes().withdraw(slot, attr);
            }
            slots.release(slot);
            attrs.release(attr);
        }
    }

    private Rib.ApiOutcome routes(List<PeerState> targets, List<RouteConfig> routes, boolean announce) {
        if (targets.isEmpty()) {
            return noTarget();
        }
        String unfit = unfit(routes, announce);
        if (unfit != null) {
            return Rib.ApiOutcome.error(unfit);
        }
        int applied = 0;
        for (PeerState p : targets) {
            ChangeSink sink = p.changes();
            for (RouteConfig r : routes) {
                if (!carries(p.config, r.nlri())) {
                    continue;
                }
                int attr = attrs.acquire(outbound(r.attributes(), resolveSelf(p.config, r)));
                if (r.split() < 0) {
                    change(sink, r.nlri(), attr, announce);
                    applied++;
                } else {
                    for (Nlri n : StaticRoutes.split(r.nlri(), r.split())) {
                        change(sink, n, attr, announce);
                        applied++;
                    }
                }
                attrs.release(attr);
            }
        }
        return applied > 0 || routes.isEmpty() ? Rib.ApiOutcome.done()
                : Rib.ApiOutcome.error("no selected neighbour has the family of the route");
    }

    /**
     * {@link #routes} of each route of the run in turn, with one outcome for all: its template decides whether a
     * route is refused (no neighbour, no neighbour of its family, attributes too large), never its IPv4 prefix. The
     * changes are made in line order, each for every neighbour in turn, as the lines one by one would make them.
     */
    private Rib.ApiOutcome run(List<PeerState> targets, RibOperation.RouteRun run) {
        if (targets.isEmpty()) {
            return noTarget();
        }
        RouteConfig t = run.template();
        String unfit = unfit(List.of(t), run.announce());
        if (unfit != null) {
            return Rib.ApiOutcome.error(unfit);
        }
        List<ChangeSink> sinks = new ArrayList<>(targets.size());
        for (PeerState p : targets) {
            if (carries(p.config, t.nlri())) {
                sinks.add(p.changes());
                held.add(attrs.acquire(outbound(t.attributes(), resolveSelf(p.config, t))));
            }
        }
        Ipv4Prefixes prefixes = run.prefixes();
        int n = prefixes.size();
        for (int i = 0; i < n; i++) { // line by line, every neighbour for each line
            long key = prefixes.key(i);
            for (int k = 0; k < sinks.size(); k++) {
                ipv4Change(sinks.get(k), key, held.getInt(k), run.announce());
            }
        }
        boolean applied = !sinks.isEmpty();
        for (int i = 0; i < held.size(); i++) {
            attrs.release(held.getInt(i));
        }
        held.clear();
        return applied || n == 0 ? Rib.ApiOutcome.done()
                : Rib.ApiOutcome.error("no selected neighbour has the family of the route");
    }

    private void ipv4Change(ChangeSink sink, long key, int attr, boolean announce) {
        change(sink, slots.acquireIpv4(key), attr, announce);
    }

    private void change(ChangeSink sink, Nlri n, int attr, boolean announce) {
        change(sink, slots.acquire(n), attr, announce);
    }

    /** The change for a slot just acquired; the slot's reference is released after it. */
    private void change(ChangeSink sink, int slot, int attr, boolean announce) {
        if (announce) {
            sink.announce(slot, attr);
        } else {
            sink.withdraw(slot, attr);
        }
        slots.release(slot);
    }

    /** The attribute set of {@code attributes} and {@code nextHop}: the last one built when it is the same. */
    private OutboundAttributes outbound(PathAttributes attributes, Optional<IpAddress> nextHop) {
        OutboundAttributes last = lastOutbound;
        if (last != null && last.attributes() == attributes && last.nextHop().equals(nextHop)) {
            return last;
        }
        lastOutbound = new OutboundAttributes(attributes, nextHop);
        return lastOutbound;
    }

    /**
     * Why one of the routes cannot be sent in an UPDATE (then none of them is applied), or null: the check of
     * {@link UpdateFit}, with each attribute set measured once (the tag of its interned id). A withdrawal carries its
     * attributes only outside IPv4 unicast.
     */
    private String unfit(List<RouteConfig> routes, boolean announce) {
        held.clear();
        try {
            for (RouteConfig r : routes) {
                if (!announce && r.nlri().family().equals(Family.IPV4_UNICAST)) {
                    continue;
                }
                int id = attrs.acquire(outbound(r.attributes(), r.nextHop()));
                held.add(id);
                if (attrs.tag(id) < 0) {
                    attrs.setTag(id, UpdateFit.attributeBytes(r.attributes()));
                }
                String problem = UpdateFit.problem(attrs.tag(id), r.nlri(), r.split(), r.nextHop());
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        } finally {
            for (int i = 0; i < held.size(); i++) {
                attrs.release(held.getInt(i));
            }
            held.clear();
        }
    }

    private static Rib.ApiOutcome noTarget() {
        return Rib.ApiOutcome.error("no neighbour matches the command");
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
    private boolean carries(NeighborConfig n, Nlri nlri) {
        Family f = nlri.family();
        if (n != lastCarrier || f != lastCarried) {
            lastCarrier = n;
            lastCarried = f;
            lastCarries = n.families().isEmpty() || n.families().contains(f);
        }
        return lastCarries;
    }
}
