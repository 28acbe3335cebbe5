// AdjRibOut's queue: ExaBGP's pending changes per attribute set, the wire ending at the last command, and the
// first session's table being what was queued.
package org.bgpekko.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bgpekko.wire.attribute.MultiExitDisc;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.junit.jupiter.api.Test;

class AdjRibOutTest {
    private static final Nlri X = InetNlri.of("10.0.0.0/24");
    private static final Nlri Y = InetNlri.of("10.0.1.0/24");

    private static OutboundAttributes set(long med) {
        return new OutboundAttributes(PathAttributes.of(new MultiExitDisc(med)),
                Optional.of(IpAddress.parse("192.0.2.1")));
    }

    /** The pending changes in the order they go out: "+X@1" = announce X with MED 1, "-X@0" = withdraw. */
    private static List<String> order(PendingChanges p) {
        List<String> out = new ArrayList<>();
        p.groups().forEach((attrs, byFamily) -> byFamily.values().forEach(changes -> changes.values().forEach(c ->
                out.add((c.announce() ? "+" : "-") + (c.nlri().equals(X) ? "X" : "Y") + "@"
                        + ((MultiExitDisc) attrs.attributes().list().get(0)).value()))));
        return out;
    }

    private static AdjRibOut started() {
        AdjRibOut out = new AdjRibOut();
        out.sessionStarted();
        return out;
    }

    /**
     * api-flow written in one read: withdraw F1 (its own attributes), announce F1, F2, F1, F2, withdraw F1, announce
     * F1. The first withdrawal stays ahead of the announcements (ExaBGP sends it; api-flow needs its
     * attribute-only UPDATE); the second replaces it, cancelling the announcement queued after it.
     */
    @Test
    void aPendingChangeOfAnEarlierGroupStays() {
        AdjRibOut out = started();
        out.withdraw(Change.withdraw(X, set(0)));
        out.announce(Change.announce(X, set(1)));
        out.announce(Change.announce(Y, set(2)));
        out.announce(Change.announce(X, set(1)));
        out.announce(Change.announce(Y, set(2)));
        out.withdraw(Change.withdraw(X, set(0)));
        out.announce(Change.announce(X, set(1)));
        assertEquals(List.of("-X@0", "+Y@2", "+X@1"), order(out.takePending()));
    }

    /** D8: a pending change whose group goes out after the new one would end the wire on an older command. */
    @Test
    void aPendingChangeOfALaterGroupIsCancelled() {
        AdjRibOut out = started();
        out.announce(Change.announce(Y, set(2)));
        out.announce(Change.announce(X, set(1)));
        out.announce(Change.announce(X, set(2)));
        assertEquals(List.of("+Y@2", "+X@2"), order(out.takePending()));
        out.announce(Change.announce(X, set(3)));
        out.withdraw(Change.withdraw(X, set(3)));
        assertEquals(List.of("-X@3"), order(out.takePending()), "same group: replaced in place");
    }

    /** conf-flow-redirect: two configured routes with one NLRI both go out on the first session, the last last. */
    @Test
    void theFirstSessionSendsWhatWasQueued() {
        AdjRibOut out = new AdjRibOut();
        out.announce(Change.announce(X, set(1)));
        out.announce(Change.announce(Y, set(2)));
        out.announce(Change.announce(X, set(3)));
        out.sessionStarted();
        assertEquals(List.of("+X@1", "+Y@2", "+X@3"), order(out.takePending()));
        out.sessionStarted();
        assertEquals(List.of("+X@3", "+Y@2"), order(out.takePending()), "a later session: the table as it is");
    }

    /** clear adj-rib out forgets every pending change of a route never sent. */
    @Test
    void clearDropsEveryPendingChangeOfAnUnsentRoute() {
        AdjRibOut out = started();
        out.withdraw(Change.withdraw(X, set(0)));
        out.announce(Change.announce(X, set(1)));
        out.withdrawAll();
        assertEquals(List.of(), order(out.takePending()));
    }
}
