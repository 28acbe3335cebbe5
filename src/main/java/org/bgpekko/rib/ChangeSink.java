// Where the changes of a helper batch for one neighbour go: its Adj-RIB-Out, or a batch held until the session is ready.
package org.bgpekko.rib;

import java.util.Collection;
import org.bgpekko.wire.Family;

/** The caller holds a reference to the slot and the attribute id for the duration of a call. */
interface ChangeSink {
    /** Announces a route, unless it is announced with the same attributes already (then false). */
    boolean announce(int slot, int attr);

    /** Withdraws a route; the withdrawal is queued even when the route was never announced (ExaBGP does). */
    void withdraw(int slot, int attr);

    /** {@code clear adj-rib out}: withdraws what the peer was sent, drops what it was not sent yet. */
    void withdrawAll();

    /** Where the requests below are kept. */
    OutboundRequests requests();

    /** {@code flush adj-rib out} or a ROUTE-REFRESH: every route of the families again; enhanced: in BoRR/EoRR. */
    default void resend(Collection<Family> families, boolean enhanced) {
        requests().resend(families, enhanced);
    }

    /** An End-of-RIB after the changes before it. */
    default void endOfRib(Family family) {
        requests().endOfRib.add(family);
    }

    /** A ROUTE-REFRESH request to the peer after the changes before it. */
    default void refreshRequest(Family family) {
        requests().refreshRequests.add(family);
    }
}
