// The expectation state of a case: ordered groups consumed as unordered sets, actions at group heads.
package org.bgpekko.qa;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Thread-safe: every connection of a case shares one matcher, as ExaBGP's peer shares one checker. */
public final class Matcher {

    /** Something the peer must do after a step: send a signal, a NOTIFICATION, or replay updates. */
    public sealed interface Action {}

    public record SendSignal(String name) implements Action {}

    public record SendNotification(String text) implements Action {}

    /** Send these UPDATEs back (hex, in match order), then a KEEPALIVE. */
    public record Replay(List<String> updates) implements Action {
        public Replay {
            updates = List.copyOf(updates);
        }
    }

    /** The result of checking one received message. */
    public sealed interface Outcome {}

    /** Accepted (matched, a KEEPALIVE, or a tolerated EOR after completion), with the actions to run. */
    public record Accepted(String how, List<Action> actions) implements Outcome {
        public Accepted {
            actions = List.copyOf(actions);
        }
    }

    /** Rejected: the reason lists the message and what was expected instead. */
    public record Rejected(String reason) implements Outcome {}

    private final List<Group> all;
    private final Deque<Group> pending;
    private final List<Rule> current = new ArrayList<>();
    private String currentLabel = "-";
    private final List<String> updatesSeen = new ArrayList<>();
    private int matched;

    public Matcher(List<Group> groups) {
        this.all = List.copyOf(groups);
        this.pending = new ArrayDeque<>(groups);
    }

    /** A new connection: the current group stays if unfinished, otherwise the next one becomes current. */
    public synchronized void onConnection() {
        advanceIfEmpty();
    }

    /** The actions at the head of the current group (run after the echoed OPEN, without inspection). */
    public synchronized List<Action> headActions() {
        List<Action> out = new ArrayList<>();
        advanceIfEmpty();
        if (!current.isEmpty() && current.get(0).kind() == Rule.Kind.SIGNAL) {
            out.add(new SendSignal(current.remove(0).content()));
        }
        advanceIfEmpty();
        if (!current.isEmpty() && current.get(0).kind() == Rule.Kind.NOTIFICATION) {
            out.add(new SendNotification(current.remove(0).content()));
        }
        advanceIfEmpty();
        return out;
    }

    /** Checks one message received from the speaker (header included). */
    public synchronized Outcome check(byte[] message) {
        int type = Messages.type(message);
        if (type == Messages.KEEPALIVE) {
            return new Accepted("keepalive", List.of());
        }
        if (completed()) {
            if (Messages.isEndOfRib(message)) {
                return new Accepted("end-of-rib after completion", List.of());
            }
            return new Rejected("extra message after every group was consumed: " + Hex.split(Hex.of(message)));
        }
        String hex = Hex.of(message);
        for (int i = 0; i < current.size(); i++) {
            Rule rule = current.get(i);
            if (rule.matches(hex)) {
                current.remove(i);
                matched++;
                String how = "matched " + rule.key() + rule.sequence();
                if (type == Messages.UPDATE && !Messages.isEndOfRib(message)) {
                    updatesSeen.add(hex);
                }
                List<Action> actions = new ArrayList<>(headActions());
                if (type == Messages.ROUTE_REFRESH) {
                    actions.add(new Replay(updatesSeen));
                }
                return new Accepted(how, actions);
            }
        }
        return new Rejected("unexpected message " + Hex.split(hex) + "\n" + describeCurrent());
    }

    public synchronized boolean completed() {
        return current.isEmpty() && pending.isEmpty();
    }

    public synchronized int matchedCount() {
        return matched;
    }

    /** The current group and its remaining candidates, for failure reports. */
    public synchronized String describeCurrent() {
        StringBuilder sb = new StringBuilder();
        sb.append("current group ").append(currentLabel).append(", ").append(current.size())
                .append(" candidate(s) left:");
        for (Rule r : current) {
            sb.append("\n    ").append(r.describe());
        }
        sb.append("\n  ").append(pending.size()).append(" group(s) after it");
        if (!pending.isEmpty()) {
            sb.append(" (next ").append(pending.peekFirst().label()).append(")");
        }
        return sb.toString();
    }

    /** Every rule of the case, grouped, for the case log. */
    public String describeAll() {
        StringBuilder sb = new StringBuilder("rules:");
        for (Group g : all) {
            for (Rule r : g.rules()) {
                sb.append("\n    ").append(r.describe());
            }
        }
        return sb.toString();
    }

    private void advanceIfEmpty() {
        while (current.isEmpty() && !pending.isEmpty()) {
            Group next = pending.removeFirst();
            current.addAll(next.rules());
            currentLabel = next.label();
        }
    }
}
