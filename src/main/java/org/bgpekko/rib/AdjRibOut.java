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
 * withdrawals are always queued; a new change for an NLRI replaces its pending one. Unlike ExaBGP, a change
 * with another attribute set also cancels the pending one, so the wire always ends at the last command.
 */
public final class AdjRibOut {
    private final Map<Nlri, Change> announced = new LinkedHashMap<>();
    /** What this session's peer was sent and still has: the NLRI of announcements taken since the session began. */
    private final Set<Nlri> sent = new HashSet<>();
    private PendingChanges pending = PendingChanges.empty();
    /** The attribute set under which an NLRI has a pending announcement. */
    private final Map<Nlri, OutboundAttributes> pendingGroup = new java.util.HashMap<>();
    /**
     * Announcements replaced by another of the same NLRI before any session began (a configuration naming one
     * VPLS NLRI twice, conf-l2vpn): ExaBGP sends them too, before their replacement, in the first initial table.
     */
    private final List<Change> replacedBeforeSession = new ArrayList<>();
    private boolean sessionSeen;

    /** Queues an announcement unless the route is already announced with the same attributes. */
    public boolean announce(Change c) {
        Change current = announced.get(c.nlri());
        if (current != null && current.attributes().equals(c.attributes())) {
            return false;
        }
        announced.put(c.nlri(), c);
        if (current != null && !sessionSeen) {
            replacedBeforeSession.add(current);
        }
        queue(c);
        return true;
    }

    /** Queues a withdrawal, also for a route that was never announced (ExaBGP sends it too). */
    public void withdraw(Change c) {
        announced.remove(c.nlri());
        replacedBeforeSession.removeIf(r -> r.nlri().equals(c.nlri()));
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
        replacedBeforeSession.clear();
    }

    /**
     * A new session starts: what was pending is void; the whole table is queued again, after (first session
     * only) the announcements replaced before it, which their replacements then leave in place.
     */
    public void sessionStarted() {
        pending = PendingChanges.empty();
        pendingGroup.clear();
        sent.clear();
        replacedBeforeSession.forEach(this::queue);
        List<Change> table = new ArrayList<>(announced.values());
        table.sort(Comparator.comparing(c -> c.nlri().family()));
        for (Change c : table) {
            OutboundAttributes replaced = replacedBeforeSession.isEmpty() ? null : pendingGroup.get(c.nlri());
            if (replaced != null && !replaced.equals(c.attributes()) && sentBefore(replaced, c.attributes())) {
                pendingGroup.remove(c.nlri()); // the replaced one stays queued, ahead of it: the peer ends at c
            }
            queue(c);
        }
        replacedBeforeSession.clear();
        sessionSeen = true;
    }

    /** True when the pending group {@code first} goes out before the group of {@code then} (new groups go last). */
    private boolean sentBefore(OutboundAttributes first, OutboundAttributes then) {
        for (OutboundAttributes g : pending.groups().keySet()) {
            if (g.equals(then)) {
                return false;
            }
            if (g.equals(first)) {
                return true;
            }
        }
        return false;
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
        pending = PendingChanges.empty();
        pendingGroup.clear();
        return out;
    }

    public Map<Nlri, Change> announced() {
        return java.util.Collections.unmodifiableMap(announced);
    }

    /** Forgets the pending change of an NLRI, if any. */
    private void unqueue(Nlri nlri) {
        OutboundAttributes group = pendingGroup.remove(nlri);
        if (group != null) {
            var byFamily = pending.groups().get(group);
            var changes = byFamily.get(nlri.family());
            changes.remove(nlri);
            if (changes.isEmpty()) {
                byFamily.remove(nlri.family());
                if (byFamily.isEmpty()) {
                    pending.groups().remove(group);
                }
            }
        }
    }

    /**
     * ExaBGP's order: a change with the attribute set of the NLRI's pending change takes its place (so a
     * withdrawal can precede an announcement queued after the one it replaces: api-fast); any other goes to
     * the end of its attribute set's group.
     */
    private void queue(Change c) {
        Nlri nlri = c.nlri();
        if (!c.attributes().equals(pendingGroup.get(nlri))) {
            unqueue(nlri);
            pendingGroup.put(nlri, c.attributes());
        }
        pending.groups().computeIfAbsent(c.attributes(), k -> new LinkedHashMap<>())
                .computeIfAbsent(nlri.family(), k -> new LinkedHashMap<>()).put(nlri, c);
    }
}
