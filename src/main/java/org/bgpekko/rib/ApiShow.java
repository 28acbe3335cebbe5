// The text of the read-only helper commands: show neighbor, and show adj-rib in|out as cursors written in parts.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.bgpekko.wire.nlri.NlriText;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

final class ApiShow {
    private ApiShow() {}

    /** Lines produced a part at a time, across Rib turns; {@link #close} releases what it holds. */
    interface Cursor {
        /** Up to {@code max} more lines; fewer (maybe none) only when done. */
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
     * The Adj-RIB-Out of each peer: the table's slots are taken one peer at a time (4 bytes per route, each slot
     * kept alive), and each is written as the table has it when its part is written; a route withdrawn meanwhile
     * is left out.
     */
    static Cursor adjRibOut(List<PeerState> peers, NlriSlots slots, InternTable<OutboundAttributes> attrs) {
        return new Cursor() {
            private int peer = -1;
            private int[] taken = new int[0];
            private int at;

            @Override
            public List<String> next(int max) {
                List<String> out = new ArrayList<>();
                while (out.size() < max && !done()) {
                    if (at == taken.length) {
                        peer++;
                        at = 0;
                        taken = peer < peers.size() ? peers.get(peer).out.retainSlots() : new int[0];
                        continue;
                    }
                    PeerState p = peers.get(peer);
                    int slot = taken[at++];
                    int attr = p.out.wanted(slot);
                    if (attr >= 0) {
                        Nlri nlri = slots.nlri(slot);
                        out.add("neighbor " + p.config.peerAddress() + " " + nlri.family() + " " + text(nlri)
                                + " next-hop " + attrs.get(attr).nextHop().map(Object::toString).orElse("self"));
                    }
                    slots.release(slot);
                }
                return out;
            }

            @Override
            public boolean done() {
                return peer >= peers.size() || (peer == peers.size() - 1 && at == taken.length);
            }

            @Override
            public void close() {
                while (at < taken.length) {
                    slots.release(taken[at++]);
                }
                peer = peers.size();
            }
        };
    }

    /**
     * The Adj-RIB-In of each established peer, one family at a time: the family's NLRI are copied in wire form
     * (a few bytes per route) when its turn comes, so the lines are those of that moment.
     */
    static Cursor adjRibIn(List<PeerState> peers) {
        record Source(PeerState peer, Family family) {}
        List<Source> sources = new ArrayList<>();
        for (PeerState p : peers) {
            if (p.in != null) {
                p.in.families().forEach(f -> sources.add(new Source(p, f)));
            }
        }
        return new Cursor() {
            private int next;
            private String prefix;
            private Iterator<Nlri> routes = Collections.emptyIterator();

            @Override
            public List<String> next(int max) {
                List<String> out = new ArrayList<>();
                while (out.size() < max && !done()) {
                    if (!routes.hasNext()) {
                        copy(sources.get(next++));
                        continue;
                    }
                    out.add(prefix + text(routes.next()));
                }
                return out;
            }

            private void copy(Source s) {
                prefix = "neighbor " + s.peer().config.peerAddress() + " " + s.family() + " ";
                AdjRibIn in = s.peer().in;
                if (in == null || !in.families().contains(s.family())) {
                    routes = Collections.emptyIterator(); // the session went down meanwhile
                    return;
                }
                NlriBlock.Builder b = NlriBlock.builder(s.family(), true);
                in.forEach(s.family(), (nlri, id) -> b.add(nlri));
                routes = b.build().iterator();
            }

            @Override
            public boolean done() {
                return next >= sources.size() && !routes.hasNext();
            }

            @Override
            public void close() {
                next = sources.size();
                routes = Collections.emptyIterator();
            }
        };
    }

    /** The prefix, or the text of an NLRI that is no prefix (a flow's components, a VPLS route …). */
    private static String text(Nlri nlri) {
        return nlri.hasPrefix() ? nlri.prefix().toString() : NlriText.of(nlri, null).strip();
    }
}
