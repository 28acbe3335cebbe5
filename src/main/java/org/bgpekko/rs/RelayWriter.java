// Turns a client's queued prefixes (and its first pass over the table) into packed UPDATEs, a batch at a time.
package org.bgpekko.rs;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectLinkedOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.UpdatePacker;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/**
 * The route server's export profile, not ExaBGP's: the prefixes of one call are grouped by attribute set and
 * family, each group packed into as few UPDATEs as the message size allows (IPv6 in MP_REACH_NLRI alike), and
 * withdrawals packed per family; withdrawals first. What a prefix gets is decided when it is written, from the
 * candidates as they are then: a best path that changed twice before it was written is sent once.
 */
final class RelayWriter {
    private final RouteServer rs;

    RelayWriter(RouteServer rs) {
        this.rs = rs;
    }

    /** A chunk for update group {@code g}: its members' session, the group's export of each set. */
    Chunk chunk(UpdateGroup g) {
        return new Chunk(g.members.get(0), g);
    }

    /** One call's output being assembled; the prefixes announced and withdrawn in it (an update group's log). */
    final class Chunk {
        final Client cl;
        /** The update group written for, or null (client {@code cl} alone). */
        private final UpdateGroup group;
        final IntArrayList announced = new IntArrayList();
        final IntArrayList withdrawals = new IntArrayList();
        /** By attribute set and kind ({@code attr << 1 | kind}), in order of first use; no boxed key per prefix. */
        final Long2ObjectLinkedOpenHashMap<NlriBlock.Builder> groups = new Long2ObjectLinkedOpenHashMap<>();
        final NlriBlock.Builder[] withdrawn = new NlriBlock.Builder[2];
        int estimate;
        /** The group last added to: prefixes of one received UPDATE are usually next to each other. */
        private long lastKey = -1;
        private NlriBlock.Builder last;

        Chunk(Client cl, UpdateGroup group) {
            this.cl = cl;
            this.group = group;
        }

        void announce(int kind, int attr, long pathId, int p) {
            long key = (long) attr << 1 | kind;
            NlriBlock.Builder b = key == lastKey ? last : groups.get(key);
            if (b == null) {
                // most sets carry a few prefixes: a small buffer that grows (1 KiB each was a sixth of the allocation)
                b = NlriBlock.builder(Prefixes.family(kind), cl.addPath(kind), 32);
                groups.put(key, b);
                estimate += 40 + rs.ranks.canonicalLength(attr);
            }
            lastKey = key;
            last = b;
            add(b, kind, pathId, p);
            announced.add(p);
        }

        void withdraw(int kind, long pathId, int p) {
            if (withdrawn[kind] == null) {
                withdrawn[kind] = NlriBlock.builder(Prefixes.family(kind), cl.addPath(kind));
                estimate += 30;
            }
            add(withdrawn[kind], kind, pathId, p);
            withdrawals.add(p);
        }

        private void add(NlriBlock.Builder b, int kind, long pathId, int p) {
            Prefixes px = rs.prefixes;
            int length = px.length(p);
            if (kind == Prefixes.IPV4) {
                b.addIpv4(pathId, px.lo(p), length);
            } else {
                b.addIpv6(pathId, px.hi(p), px.lo(p), length);
            }
            estimate += 1 + (length + 7) / 8 + (cl.addPath(kind) ? 4 : 0);
        }

        List<byte[]> encode() {
            List<byte[]> out = new ArrayList<>();
            SessionOptions options = cl.session.options();
            for (NlriBlock.Builder w : withdrawn) {
                if (w != null) {
                    UpdatePacker.withdraw(PathAttributes.EMPTY, w.build(), 0, Integer.MAX_VALUE, options,
                            UpdatePacker.UNLIMITED, out::add);
                }
            }
            groups.long2ObjectEntrySet().fastForEach(e -> {
                long key = e.getLongKey();
                NlriBlock.Builder b = e.getValue();
                int attr = (int) (key >>> 1);
                int kind = (int) (key & 1);
                int target = group == null ? cl.index : group.target(attr).index;
                ExportAttributes ex = rs.export(target, attr, kind, cl.session.external(), options);
                UpdatePacker.announceEncoded(ex.attributes(), ex.mpNextHop(), b.build(), options, out::add);
            });
            return out;
        }
    }

    /** The next UPDATEs for a client: the first pass (then End-of-RIB), then its queue; about {@code limit} bytes. */
    List<byte[]> write(Client cl, int limit) {
        Chunk chunk = new Chunk(cl, null);
        Prefixes px = rs.prefixes;
        boolean endOfRib = false;
        while (cl.initial && chunk.estimate < limit) {
            if (cl.cursor >= px.capacity()) {
                cl.initial = false;
                endOfRib = true;
                break;
            }
            int p = cl.cursor++;
            if (px.hasCandidates(p)) {
                look(cl, p, chunk);
            }
        }
        while (!cl.initial && cl.hasQueued() && chunk.estimate < limit) {
            int p = cl.poll();
            look(cl, p, chunk);
            px.release(p);
        }
        List<byte[]> out = chunk.encode();
        if (endOfRib) {
            for (Family f : cl.session.endOfRib()) {
                out.add(UpdatePacker.endOfRib(f, cl.session.options()));
            }
        }
        return out;
    }

    /** What the client gets for one prefix now: its best path, a withdrawal, or nothing. */
    private void look(Client cl, int p, Chunk chunk) {
        Prefixes px = rs.prefixes;
        int kind = px.kind(p);
        if (!cl.has(kind)) {
            return;
        }
        int[] cand = px.candidates(p);
        if (cl.addPath(kind)) {
            paths(cl, p, kind, cand, chunk);
            return;
        }
        if (rs.operator().announces(cl.index, Prefixes.family(kind), px.hi(p), px.lo(p), px.length(p))) {
            if (cl.sent.get(p)) { // the operator's route replaced the relayed one on the wire
                cl.sent.clear(p);
                px.release(p);
            }
            return;
        }
        int b = rs.decision().best(cand, cl, kind);
        if (b >= 0) {
            chunk.announce(kind, cand[b + 1], Nlri.NO_PATH_ID, p);
            if (!cl.sent.get(p)) {
                cl.sent.set(p);
                px.retain(p);
            }
        } else if (cl.sent.get(p)) {
            chunk.withdraw(kind, Nlri.NO_PATH_ID, p);
            cl.sent.clear(p);
            px.release(p);
        }
    }

    /** ADD-PATH (RFC 7911): every path the client may receive, path identifier = source + 1; gone ones withdrawn. */
    private void paths(Client cl, int p, int kind, int[] cand, Chunk chunk) {
        Prefixes px = rs.prefixes;
        int[] before = cl.pathsSent.getOrDefault(p, Prefixes.NONE);
        IntArrayList now = new IntArrayList(cand.length / 2);
        for (int i = 0; i < cand.length; i += 2) {
            if (rs.decision().exportable(cl, cand[i], cand[i + 1], kind)) {
                chunk.announce(kind, cand[i + 1], cand[i] + 1L, p);
                now.add(cand[i]);
            }
        }
        int[] after = now.toIntArray();
        Arrays.sort(after);
        for (int s : before) {
            if (Arrays.binarySearch(after, s) < 0) {
                chunk.withdraw(kind, s + 1L, p);
                px.release(p);
            }
        }
        for (int s : after) {
            if (Arrays.binarySearch(before, s) < 0) {
                px.retain(p);
            }
        }
        if (after.length == 0) {
            cl.pathsSent.remove(p);
        } else {
            cl.pathsSent.put(p, after);
        }
    }
}
