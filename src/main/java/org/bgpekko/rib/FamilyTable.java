// The routes of one family in an Adj-RIB-In: NLRI key -> attribute id, in a compact primitive table.
package org.bgpekko.rib;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

/** Implementations keep the reference counts of the {@link AttributeStore} in step with the routes they hold. */
sealed interface FamilyTable permits Ipv4Table, IndexedIpv4Table, WireKeyTable {
    Family family();

    /** True when the keys include an ADD-PATH path identifier. */
    boolean addPath();

    int size();

    /**
     * Sets every NLRI of {@code block} to attribute {@code id}, retaining {@code id} for each new holder and
     * releasing what it replaces; writes the NLRI that changed to {@code changed} in wire form.
     */
    void announce(NlriBlock block, int id, AttributeStore store, WireWriter changed);

    /** Removes every NLRI of {@code block} that is held, releasing its id; writes the removed ones to {@code changed}. */
    void withdraw(NlriBlock block, AttributeStore store, WireWriter changed);

    /** Removes everything, releasing every id; writes the removed NLRI to {@code removed}. */
    void clear(AttributeStore store, WireWriter removed);

    /** The id held for {@code nlri}, or -1. */
    int get(Nlri nlri);

    /** Visits every route (an {@link Nlri} is built for each). */
    void forEach(AdjRibIn.RouteVisitor visitor);
}
