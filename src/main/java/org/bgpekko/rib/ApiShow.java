// The read-only helper commands: show neighbor, and show adj-rib in|out as cursors written in parts.
package org.bgpekko.rib;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.rs.RouteServer;
import org.bgpekko.rs.policy.RejectCode;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

final class ApiShow {
    private ApiShow() {}

    /** Lines produced a part at a time, across Rib turns; {@link #close} releases what it holds. */
    interface Cursor {
        /** Up to about {@code max} more lines; fewer (maybe none) only when done. */
        List<String> next(int max);

        boolean done();

        void close();
    }

    static List<String> neighbors(List<PeerState> peers, Function<NeighborConfig, String> describe) {
        List<String> out = new ArrayList<>();
        for (PeerState p : peers) {
            out.add(describe.apply(p.config) + " state " + (p.established() ? "established" : "down")
                    + " adj-rib-out " + p.out.size()
                    + (p.established() ? " adj-rib-in " + p.in.size() : ""));
        }
        return out;
    }

    /**
     * The Adj-RIB-Out of each peer: first the operator's routes (the table's slots are taken one peer at a time, 4
     * bytes per route, each slot kept alive, and each route is written as the table has it when its part is
     * written; a route withdrawn meanwhile is left out), then, for a route-server client, the relayed routes it is
     * to hold, a part at a time as the route server has them then.
     */
    static Cursor adjRibOut(List<PeerState> peers, NlriSlots slots, InternTable<OutboundAttributes> attrs,
                            Relay relay, ShownRoute.Format format) {
        return new Cursor() {
            private int peer = -1;
            private int[] taken = new int[0];
            private int at;
            /** The prefix index the relayed routes of the current peer go on from, -1 when none are left. */
            private int relayed = -1;

            @Override
            public List<String> next(int max) {
                List<String> out = new ArrayList<>();
                while (out.size() < max && !done()) {
                    if (at == taken.length && relayed < 0) {
                        peer++;
                        at = 0;
                        taken = peer < peers.size() ? peers.get(peer).out.retainSlots() : new int[0];
                        relayed = peer < peers.size() && peers.get(peer).rsClient >= 0 ? 0 : -1;
                        continue;
                    }
                    PeerState p = peers.get(peer);
                    if (at == taken.length) {
                        relayed = relay.server.relayed(p.rsClient, relayed, max - out.size(), (nlri, src, a, nh) ->
                                out.add(format.line(new ShownRoute(p.config.peerAddress(), false, nlri,
                                        ShownRoute.nextHop(a, nh), a, relay.address(src)))));
                        continue;
                    }
                    int slot = taken[at++];
                    int attr = p.out.wanted(slot);
                    if (attr >= 0) {
                        OutboundAttributes o = attrs.get(attr);
                        out.add(format.line(new ShownRoute(p.config.peerAddress(), false, slots.nlri(slot),
                                o.nextHop().map(Object::toString).orElse("self"), o.attributes(), null)));
                    }
                    slots.release(slot);
                }
                return out;
            }

            @Override
            public boolean done() {
                return peer >= peers.size()
                        || (peer == peers.size() - 1 && at == taken.length && relayed < 0);
            }

            @Override
            public void close() {
                while (at < taken.length) {
                    slots.release(taken[at++]);
                }
                relayed = -1;
                peer = peers.size();
            }
        };
    }

    /**
     * The Adj-RIB-In of each established peer, one family at a time: the family's NLRI are copied in wire form (a
     * few bytes per route) and their attribute sets retained when its turn comes, so the lines are those of that
     * moment. A route-server client's route that the policy keeps from the others carries its verdict; with
     * {@code filtered} only the routes the import policy filtered are listed.
     */
    static Cursor adjRibIn(List<PeerState> peers, AttributeStore store, RouteServer server, boolean filtered,
                           ShownRoute.Format format) {
        record Source(PeerState peer, Family family) {}
        List<Source> sources = new ArrayList<>();
        for (PeerState p : peers) {
            if (p.in != null && (!filtered || p.rsClient >= 0)) {
                p.in.families().forEach(f -> sources.add(new Source(p, f)));
            }
        }
        return new Cursor() {
            private int next;
            private PeerState current;
            private Iterator<Nlri> routes = Collections.emptyIterator();
            /** The attribute set of each copied route, retained until its line is written, and its verdict. */
            private final IntArrayList ids = new IntArrayList();
            private final IntArrayList codes = new IntArrayList();
            private int id;

            @Override
            public List<String> next(int max) {
                List<String> out = new ArrayList<>();
                while (out.size() < max && !done()) {
                    if (!routes.hasNext()) {
                        copy(sources.get(next++));
                        continue;
                    }
                    Nlri nlri = routes.next();
                    int code = codes.getInt(id);
                    int attr = ids.getInt(id++);
                    RouteAttributes ra = store.get(attr);
                    store.release(attr);
                    PathAttributes a = ra.attributes();
                    ShownRoute.Verdict v = code == 0 ? null
                            : new ShownRoute.Verdict(Math.abs(code), RejectCode.reason(Math.abs(code)), code > 0);
                    out.add(format.line(new ShownRoute(current.config.peerAddress(), true, nlri,
                            ShownRoute.nextHop(a, ra.nextHop()), a, null, v)));
                }
                return out;
            }

            private void copy(Source s) {
                current = s.peer();
                ids.clear();
                codes.clear();
                id = 0;
                AdjRibIn in = s.peer().in;
                if (in == null || !in.families().contains(s.family())) {
                    routes = Collections.emptyIterator(); // the session went down meanwhile
                    return;
                }
                int client = s.peer().rsClient;
                // path identifiers only where the session receives them (a builder with ADD-PATH makes a missing one 0)
                NlriBlock.Builder b = NlriBlock.builder(s.family(),
                        s.peer().session.options().addPathReceive(s.family()));
                in.forEach(s.family(), (nlri, attr) -> {
                    int code = client >= 0 && nlri instanceof InetNlri n && n.pathId() == Nlri.NO_PATH_ID
                            ? server.filtered(client, n.family(), n.prefix().hi(), n.prefix().lo(),
                                    n.prefix().length())
                            : 0;
                    if (filtered && code <= 0) {
                        return;
                    }
                    b.add(nlri);
                    store.retain(attr);
                    ids.add(attr);
                    codes.add(code);
                });
                routes = b.build().iterator();
            }

            @Override
            public boolean done() {
                return next >= sources.size() && !routes.hasNext();
            }

            @Override
            public void close() {
                while (id < ids.size()) {
                    store.release(ids.getInt(id++));
                }
                next = sources.size();
                routes = Collections.emptyIterator();
            }
        };
    }
}
