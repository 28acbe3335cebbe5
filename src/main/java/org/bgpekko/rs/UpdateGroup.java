// Clients whose sessions encode alike and whose export policy is the same: one encoding of each UPDATE for all.
package org.bgpekko.rs;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.nlri.Nlri;

/**
 * An update group (docs/decisions.md D18). The group decides, for each prefix whose best path changed for it, the
 * group's best: the first candidate its members may receive, ignoring only the rule that a client never gets its
 * own path. What it writes goes into a bounded log of encoded UPDATEs, split by <em>label</em>: the source client of
 * the announced paths (for withdrawals, the source of the path the group last announced). Members read the log at
 * their own pace, the bytes shared; a member skips the entries labelled with itself (its own path is the group's
 * best there) and queues their prefixes on its own queue, where it gets its own best (the next candidate: no path
 * hiding), written for it alone. Each member keeps its own "sent" bit per prefix, set and cleared as it reads, so it
 * can leave the group at any point and be exactly a client written on its own.
 *
 * <p>Under a policy whose control communities name particular clients ({@link ServerPolicy#peerSpecific}), the
 * group's best and the attributes it sends are those of a member the set does not name ({@link #target}); the
 * members named by the candidates up to the group's best (by any candidate, for a withdrawal) are the entry's
 * <em>exceptions</em>: like the label, they take its prefixes on their own queue.
 *
 * <p>A member that falls further behind than the log holds ({@link #LOG_LIMIT} bytes) leaves: the prefixes of the
 * entries it did not read, and those the group has queued, go on its own queue (a bit each), and it is written on
 * its own until its queue is empty, when it joins again at the head of the log. A member that stops reading costs
 * the group at most the log; left, it costs a bit per prefix, as any client.
 *
 * <p>For the families whose members send ADD-PATH, every path is shared, not a best one ({@link GroupPaths}).
 */
final class UpdateGroup {
    /** The log's bound in bytes of encoded UPDATEs (64 batches); a member further behind leaves the group. */
    static final int LOG_LIMIT = 4 << 20;

    /** What groups clients: how their sessions encode, and their export policy ({@link ServerPolicy}). */
    record Key(SessionOptions options, int kinds, boolean external, Object policy) {}

    /**
     * How the prefixes of one batch are split into entries: {@code label}, {@code quiet} and {@code skip} as in an
     * {@link Entry}, and {@code except} the members a candidate names (null: none), which get the prefixes on their
     * own queue as the label does.
     */
    private record Split(int label, boolean quiet, int skip, BitSet except, BitSet holds, boolean paths) {
        boolean is(int label, boolean quiet, int skip, BitSet except, BitSet holds, boolean paths) {
            return this.label == label && this.quiet == quiet && this.skip == skip && Objects.equals(this.except, except)
                    && Objects.equals(this.holds, holds) && this.paths == paths;
        }
    }

    /**
     * UPDATEs for every member but {@code label} (-1: none), which gets the prefixes on its own queue instead (unless
     * {@code quiet}: it holds its best for them already), those of {@code except} (null: none), which get them on
     * their own queue too, and {@code skip} (-1: none), which holds them already; and the prefixes they carry. With
     * {@code paths}, ADD-PATH announcements and withdrawals of {@code label}'s path ({@link GroupPaths}).
     */
    private static final class Entry {
        final long seq;
        final int label;
        final boolean quiet;
        final int skip;
        final BitSet except;
        /** Members named like {@code except} that hold their best for the prefixes already (null: none). */
        final BitSet holds;
        final boolean paths;
        final int[] announced;
        final int[] withdrawn;
        final List<byte[]> messages;
        final int bytes;
        /** Members that have not read it yet. */
        int readers;

        Entry(long seq, Split split, int[] announced, int[] withdrawn, List<byte[]> messages, int readers) {
            this.seq = seq;
            this.label = split.label;
            this.quiet = split.quiet;
            this.skip = split.skip;
            this.except = split.except;
            this.holds = split.holds;
            this.paths = split.paths;
            this.announced = announced;
            this.withdrawn = withdrawn;
            this.messages = messages;
            this.readers = readers;
            int b = 0;
            for (byte[] m : messages) {
                b += m.length;
            }
            this.bytes = b;
        }
    }

    final Key key;
    private final RouteServer rs;
    final List<Client> members = new ArrayList<>();
    /** The prefixes whose group best changed since it was last written. A prefix reference per bit. */
    final PrefixQueue queue = new PrefixQueue();
    /** The log: entries from {@code start} on, oldest first (indexed: a member's position is an index). */
    private final ArrayList<Entry> log = new ArrayList<>();
    private int start;
    /** The sequence number the next entry gets. */
    private long head;
    private long logBytes;
    /** By prefix index: the source of the path the group last announced, + 1; 0 when none (a reference each). */
    private int[] lastSource = new int[64];
    /**
     * By prefix index: a member + 1 that holds the group's next best for it already (its own path stopped being the
     * group's best, and its own best did not change), so the next entry with it is not sent to that member; or 0.
     */
    private int[] skipFor = new int[64];
    /** By prefix index: the source of the group's new best, a member, holds its own best for it already. */
    private final BitSet quiet = new BitSet();
    /**
     * By prefix: members a candidate names whose own best did not change when the group's did, and that hold it (as
     * {@link #skipFor}, for the members {@link #named} gives): the next entry with it is not sent to them.
     */
    private final Int2ObjectOpenHashMap<BitSet> holders =
            new Int2ObjectOpenHashMap<>();
    /** The families with ADD-PATH send: every path is shared, not a best one. */
    private final GroupPaths paths;

    UpdateGroup(Key key, RouteServer rs) {
        this.key = key;
        this.rs = rs;
        this.paths = new GroupPaths(this, rs);
    }

    /** A client whose state matches the table (its queue empty) joins at the head of the log. */
    void join(Client cl) {
        members.add(cl);
        paths.joined(cl);
        cl.group = this;
        cl.position = head;
        rs.membershipChanged();
    }

    /** True when client {@code cl} (a member) has entries to read, or the group something to write. */
    boolean pending(Client cl) {
        return cl.position < head || !queue.isEmpty();
    }

    /** Queues prefix {@code p} for the group (true when it was not queued); a reference while it is queued. */
    boolean queue(int p) {
        if (queue.add(p)) {
            rs.prefixes.retain(p);
            return true;
        }
        return false;
    }

    /**
     * The next UPDATEs for member {@code cl}, about {@code limit} bytes: the log from its position; at the head its
     * own queue first, then the group's next batch, written once into the log for every member.
     */
    List<byte[]> next(Client cl, int limit) {
        List<byte[]> out = new ArrayList<>();
        int bytes = 0;
        while (bytes < limit) {
            if (cl.position < head) {
                Entry e = entry(cl.position);
                cl.position++;
                bytes += read(cl, e, out);
                e.readers--;
                trim();
            } else if (cl.hasQueued()) {
                List<byte[]> own = rs.writer().write(cl, limit - bytes);
                own.forEach(out::add);
                for (byte[] m : own) {
                    bytes += m.length;
                }
            } else if (!queue.isEmpty()) {
                write(limit);
            } else {
                break;
            }
        }
        return out;
    }

    /**
     * Member {@code cl} takes entry {@code e}: its sent bits follow, or (its own label, or one of the exceptions) the
     * prefixes are its own. An entry of withdrawals only, none of which it holds, is not sent to it (it was written
     * its own best for them as an exception before, and that was none).
     */
    private int read(Client cl, Entry e, List<byte[]> out) {
        if (e.paths) {
            return paths.read(cl, e.label, e.except, e.announced, e.withdrawn, e.messages, e.bytes, out);
        }
        Prefixes px = rs.prefixes;
        if (e.skip == cl.index || e.holds != null && e.holds.get(cl.index)) {
            return 0;
        }
        if (e.label == cl.index && e.quiet) {
            return 0;
        }
        if (e.label == cl.index || e.except != null && e.except.get(cl.index)) {
            for (int p : e.announced) {
                rs.queue(cl, p);
            }
            for (int p : e.withdrawn) {
                rs.queue(cl, p);
            }
            return 0;
        }
        boolean held = false;
        for (int p : e.withdrawn) {
            if (cl.sent.get(p)) {
                cl.sent.clear(p);
                px.release(p);
                held = true;
            }
        }
        if (!held && e.announced.length == 0) {
            return 0;
        }
        for (int p : e.announced) {
            if (!cl.sent.get(p)) {
                cl.sent.set(p);
                px.retain(p);
            }
        }
        out.addAll(e.messages);
        return e.bytes;
    }

    /** The split last asked for in {@link #write} and its chunk: consecutive prefixes mostly share one. */
    private Split lastSplit;
    private RelayWriter.Chunk lastChunk;

    /** The chunk of a batch for one split, made when new; no record made or hashed when the last one matches. */
    private RelayWriter.Chunk chunk(Map<Split, RelayWriter.Chunk> chunks, int label, boolean quiet, int skip,
                                    BitSet except, BitSet holds, boolean paths) {
        if (lastSplit == null || !lastSplit.is(label, quiet, skip, except, holds, paths)) {
            lastSplit = new Split(label, quiet, skip, except, holds, paths);
            lastChunk = chunks.computeIfAbsent(lastSplit, s -> rs.writer().chunk(this));
        }
        return lastChunk;
    }

    private Entry entry(long seq) {
        return log.get(start + (int) (seq - log.get(start).seq));
    }

    /** The group's next batch of about {@code limit} bytes, into the log; members too far behind leave. */
    private void write(int limit) {
        Prefixes px = rs.prefixes;
        long first = head;
        Map<Split, RelayWriter.Chunk> chunks = new LinkedHashMap<>();
        lastSplit = null; // the chunks of this batch only
        int estimate = 0;
        GroupPaths.Chunks pathChunks = (label, except) -> chunk(chunks, label, false, -1, except, null, true);
        while (!queue.isEmpty() && estimate < limit) {
            int p = queue.poll();
            int kind = px.kind(p);
            int[] cand = px.candidates(p);
            if (addPath(kind)) {
                estimate += paths.write(p, kind, cand, pathChunks);
                px.release(p); // the queue's reference
                continue;
            }
            grow(p);
            int b = rs.decision().groupBest(cand, this, kind);
            int skip = skipFor[p] - 1;
            skipFor[p] = 0;
            boolean q = quiet.get(p);
            quiet.clear(p);
            BitSet h = holders.remove(p);
            if (h != null) {
                for (int m = h.nextSetBit(0); m >= 0; m = h.nextSetBit(m + 1)) {
                    if (rs.client(m).queued(p)) {
                        h.clear(m);
                    }
                }
                h = h.isEmpty() ? null : h;
            }
            RelayWriter.Chunk chunk;
            if (b >= 0) {
                chunk = chunk(chunks, cand[b], q, skip, named(cand, b), h, false);
                int before = chunk.estimate;
                chunk.announce(kind, cand[b + 1], Nlri.NO_PATH_ID, p);
                estimate += chunk.estimate - before;
                if (lastSource[p] == 0) {
                    px.retain(p);
                }
                lastSource[p] = cand[b] + 1;
            } else {
                chunk = chunk(chunks, lastSource[p] - 1, false, -1, named(cand, cand.length), h, false);
                int before = chunk.estimate;
                chunk.withdraw(kind, Nlri.NO_PATH_ID, p);
                estimate += chunk.estimate - before;
                if (lastSource[p] != 0) {
                    lastSource[p] = 0;
                    px.release(p);
                }
            }
            px.retain(p); // the entry's reference, before the queue's goes
            px.release(p);
        }
        lastSplit = null;
        lastChunk = null;
        chunks.forEach((k, chunk) -> {
            int[] announced = chunk.announced.toIntArray();
            int[] withdrawn = chunk.withdrawals.toIntArray();
            Entry e = new Entry(head++, k, announced, withdrawn, chunk.encode(), members.size());
            log.add(e);
            logBytes += e.bytes;
        });
        while (logBytes > rs.logLimit() && log.get(start).seq < first) {
            long oldest = log.get(start).seq;
            for (Client m : List.copyOf(members)) {
                if (m.position == oldest) {
                    leave(m);
                }
            }
        }
    }

    /**
     * The member whose export of set {@code attr} is the group's: the first that the set does not name (when it names
     * them all, the first: every member then takes the prefix as an exception).
     */
    Client target(int attr) {
        Client rep = members.get(0);
        ServerPolicy policy = rs.policy();
        if (!policy.peerSpecific(rep.index, attr)) {
            return rep;
        }
        for (Client m : members) {
            if (!policy.names(m.index, attr)) {
                return m;
            }
        }
        return rep;
    }

    /**
     * The members named by a candidate at or before position {@code end} (the group's best; the length for none):
     * their own best may differ from the group's. Null when there are none (the common case).
     */
    BitSet named(int[] cand, int end) {
        ServerPolicy policy = rs.policy();
        int rep = members.get(0).index;
        BitSet out = null;
        for (int i = 0; i <= end && i < cand.length; i += 2) {
            int attr = cand[i + 1];
            if (policy.peerSpecific(rep, attr)) {
                for (Client m : members) {
                    if (policy.names(m.index, attr)) {
                        if (out == null) {
                            out = new BitSet();
                        }
                        out.set(m.index);
                    }
                }
            }
        }
        return out;
    }

    /** Do the members' sessions send ADD-PATH for prefixes of this kind (then every path is shared)? */
    boolean addPath(int kind) {
        return members.get(0).addPath(kind);
    }

    private void grow(int p) {
        if (p >= lastSource.length) {
            int n = Math.max(p + 1, lastSource.length * 2);
            lastSource = Arrays.copyOf(lastSource, n);
            skipFor = Arrays.copyOf(skipFor, n);
        }
    }

    /**
     * The group's best for prefix {@code p} changed from source {@code was}'s path (-1: none) to another (it was
     * queued already before when {@code wasQueued}). A member whose own best did not change ({@code oldHolds} for
     * {@code oldSource}, the member whose path it was; {@code newHolds} for {@code newSource}, whose path it is now)
     * and that holds that best (the group's last write for it is as the change found it, and the member has it not
     * on its own queue) is not written the prefix again: no duplicate UPDATE for a member whose own path came or went.
     */
    void bestChanged(int p, boolean wasQueued, int was, Client oldSource, boolean oldHolds, Client newSource,
                     boolean newHolds, BitSet namedHold) {
        grow(p);
        boolean asWritten = !wasQueued && lastSource[p] == was + 1;
        if (asWritten && namedHold != null) {
            holders.put(p, namedHold);
        } else {
            holders.remove(p);
        }
        skipFor[p] = asWritten && oldSource != null && oldHolds && !oldSource.queued(p) ? oldSource.index + 1 : 0;
        quiet.set(p, asWritten && newSource != null && newHolds && !newSource.queued(p));
    }

    /**
     * Member {@code cl} leaves (it fell behind, or it can no longer share): what it did not read and what the group
     * has queued go on its own queue, so it is a client written on its own, exactly.
     */
    void leave(Client cl) {
        for (int i = start; i < log.size(); i++) {
            Entry e = log.get(i);
            if (e.seq >= cl.position) {
                for (int p : e.announced) {
                    rs.queue(cl, p);
                }
                for (int p : e.withdrawn) {
                    rs.queue(cl, p);
                }
            }
        }
        queue.forEach(p -> rs.queue(cl, p));
        drop(cl);
    }

    /** Member {@code cl} goes (it left, or its session ended): it reads nothing more. */
    void drop(Client cl) {
        for (int p = 0; p < skipFor.length; p++) {
            if (skipFor[p] == cl.index + 1) {
                skipFor[p] = 0; // what it holds says nothing of the next client with its index
            }
        }
        holders.values().forEach(h -> h.clear(cl.index));
        for (int i = start; i < log.size(); i++) {
            Entry e = log.get(i);
            if (e.seq >= cl.position) {
                e.readers--;
            }
        }
        members.remove(cl);
        cl.group = null;
        rs.membershipChanged();
        trim();
        if (members.isEmpty()) {
            dissolve();
        }
    }

    /** The last member left: every reference the group holds goes. */
    private void dissolve() {
        Prefixes px = rs.prefixes;
        holders.clear();
        paths.dissolve();
        while (!queue.isEmpty()) {
            px.release(queue.poll());
        }
        for (int p = 0; p < lastSource.length; p++) {
            skipFor[p] = 0;
            quiet.clear(p);
            if (lastSource[p] != 0) {
                lastSource[p] = 0;
                px.release(p);
            }
        }
        rs.dissolved(this);
    }

    /** Entries every member read are dropped. */
    private void trim() {
        while (start < log.size() && log.get(start).readers <= 0) {
            Entry e = log.set(start++, null);
            logBytes -= e.bytes;
            for (int p : e.announced) {
                rs.prefixes.release(p);
            }
            for (int p : e.withdrawn) {
                rs.prefixes.release(p);
            }
        }
        if (start == log.size() || start > 1024 && start > log.size() / 2) {
            log.subList(0, start).clear();
            start = 0;
        }
    }

    /** Bytes of encoded UPDATEs held in the log (tests, diagnostics). */
    long logBytes() {
        return logBytes;
    }
}
