// Adj-RIB-Out of one peer: the routes it should have (kept across sessions) and the changes not yet sent.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.Nlri;

/**
 * ExaBGP's semantics (conformance README section 9): an announce equal to the current state is dropped;
 * withdrawals are always queued; a new change for an NLRI replaces its pending one of the same attribute set. A
 * pending change of another attribute set stays when its group goes out first (ExaBGP keeps it too), and is
 * cancelled when its group would go out after the new change: unlike ExaBGP, the wire always ends at the last
 * command (docs/decisions.md D8).
 */
public final class AdjRibOut {
    private final Map<Nlri, Change> announced = new LinkedHashMap<>();
    /** What this session's peer was sent and still has: the NLRI of announcements taken since the session began. */
    private final Set<Nlri> sent = new HashSet<>();
    private PendingChanges pending = PendingChanges.empty();
    /** The attribute sets under which an NLRI has a pending change (in the order of their groups). */
    private final Map<Nlri, List<OutboundAttributes>> pendingGroups = new java.util.HashMap<>();
    /** When each pending group was made: groups go out in this order. */
    private final Map<OutboundAttributes, Long> groupOrder = new java.util.HashMap<>();
    private long nextGroup;
    /** False until the first session starts: its initial table is what was queued, as ExaBGP sends it. */
    private boolean started;

    /** Queues an announcement unless the route is already announced with the same attributes. */
    public boolean announce(Change c) {
        Change current = announced.get(c.nlri());
        if (current != null && current.attributes().equals(c.attributes())) {
            return false;
        }
        announced.put(c.nlri(), c);
        queue(c);
        return true;
    }

    /** Queues a withdrawal, also for a route that was never announced (ExaBGP sends it too). */
    public void withdraw(Change c) {
        announced.remove(c.nlri());
        queue(c);
    }

    /**
     * {@code clear adj-rib out}: withdraws every announced route. A route the peer was never sent is only dropped,
     * so an announcement cleared in the same batch puts nothing on the wire (the ordering contract).
     */
    public void withdrawAll() {
        for (Change c : new ArrayList<>(announced.values())) {
            if (sent.contains(c.nlri())) {
                withdraw(Change.withdraw(c.nlri(), c.attributes()));
            } else {
                announced.remove(c.nlri());
                unqueue(c.nlri());
            }
        }
    }

    /**
     * A new session starts. The first one takes what was queued since the configuration was loaded, as ExaBGP
     * does (two configured routes with the same NLRI and different attributes both go out, the last one
     * winning: conf-flow-redirect). Any later one gets the whole table queued again.
     */
    public void sessionStarted() {
        sent.clear();
        if (!started) {
            started = true;
            return;
        }
        clearPending();
        List<Change> table = new ArrayList<>(announced.values());
        table.sort(Comparator.comparing(c -> c.nlri().family()));
        for (Change c : table) {
            queue(c);
        }
    }

    /**
     * {@code flush adj-rib out}: every announced route is sent again after the pending changes, one UPDATE
     * each; with {@code enhanced} (route-refresh configured) wrapped in BoRR/EoRR for each of {@code families}.
     */
    public void resendAll(Collection<Family> families, boolean enhanced) {
        for (Change c : announced.values()) {
            if (families.contains(c.nlri().family())) {
                pending.refresh().add(c);
            }
        }
        if (enhanced) {
            pending.refreshFamilies().addAll(families);
        }
    }

    public boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Takes every pending change, leaving none. */
    public PendingChanges takePending() {
        PendingChanges out = pending;
        out.groups().values().forEach(byFamily -> byFamily.values().forEach(changes -> changes.values().forEach(c -> {
            if (c.announce()) {
                sent.add(c.nlri());
            } else {
                sent.remove(c.nlri());
            }
        })));
        clearPending();
        return out;
    }

    private void clearPending() {
        pending = PendingChanges.empty();
        pendingGroups.clear();
        groupOrder.clear();
    }

    public Map<Nlri, Change> announced() {
        return java.util.Collections.unmodifiableMap(announced);
    }

    /** Forgets every pending change of an NLRI. */
    private void unqueue(Nlri nlri) {
        List<OutboundAttributes> groups = pendingGroups.remove(nlri);
        if (groups != null) {
            groups.forEach(g -> unqueue(nlri, g));
        }
    }

    /** Forgets the pending change of an NLRI in one group (the caller keeps pendingGroups right). */
    private void unqueue(Nlri nlri, OutboundAttributes group) {
        var byFamily = pending.groups().get(group);
        var changes = byFamily.get(nlri.family());
        changes.remove(nlri);
        if (changes.isEmpty()) {
            byFamily.remove(nlri.family());
            if (byFamily.isEmpty()) {
                pending.groups().remove(group);
                groupOrder.remove(group);
            }
        }
    }

    /**
     * ExaBGP's order: a change with the attribute set of one of the NLRI's pending changes takes its place (so a
     * withdrawal can precede an announcement queued after the one it replaces: api-fast); any other goes to the
     * end of its attribute set's group. Pending changes of the NLRI in groups that go out after the new change's
     * are cancelled; those in earlier groups stay (api-flow: a withdrawal and then an announcement with other
     * attributes both go out).
     */
    private void queue(Change c) {
        Nlri nlri = c.nlri();
        OutboundAttributes group = c.attributes();
        long order = groupOrder.getOrDefault(group, Long.MAX_VALUE);
        List<OutboundAttributes> groups = pendingGroups.computeIfAbsent(nlri, k -> new ArrayList<>(1));
        for (java.util.Iterator<OutboundAttributes> it = groups.iterator(); it.hasNext(); ) {
            OutboundAttributes g = it.next();
            if (!g.equals(group) && groupOrder.get(g) > order) {
                it.remove();
                unqueue(nlri, g);
            }
        }
        if (!groups.contains(group)) {
            groups.add(group);
        }
        pending.groups().computeIfAbsent(group, k -> {
            groupOrder.put(k, nextGroup++);
            return new LinkedHashMap<>();
        }).computeIfAbsent(nlri.family(), k -> new LinkedHashMap<>()).put(nlri, c);
    }
}
