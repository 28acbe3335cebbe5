// A client's relayed table as it stands (what it holds or is about to be sent), walked for show adj-rib out.
package org.bgpekko.rs;

import org.bgpekko.wire.Family;
import org.bgpekko.wire.attribute.AttributeCodecs;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpPrefix;
import org.bgpekko.wire.nlri.Nlri;

/** Part of {@link RouteServer} (same state, same thread): {@link RouteServer#relayed}. */
final class RelayedTable {
    private RelayedTable() {}

    static int walk(RouteServer rs, int c, int from, int max, RouteServer.RelayedRoute sink) {
        Client cl = rs.client(c);
        if (cl == null || !cl.up()) {
            return -1;
        }
        int given = 0;
        int p = from;
        for (; p < rs.prefixes.capacity() && given < max; p++) {
            int kind = rs.prefixes.kind(p);
            if (!rs.prefixes.hasCandidates(p) || !cl.has(kind)) {
                continue;
            }
            Family family = Prefixes.family(kind);
            long hi = rs.prefixes.hi(p);
            long lo = rs.prefixes.lo(p);
            int length = rs.prefixes.length(p);
            int[] cand = rs.prefixes.candidates(p);
            boolean addPath = cl.addPath(kind);
            if (!addPath && rs.operator().announces(c, family, hi, lo, length)) {
                continue;
            }
            int first = addPath ? 0 : rs.decision().best(cand, cl, kind);
            for (int i = Math.max(first, 0); first >= 0 && i < cand.length; i += 2) {
                if (rs.decision().exportable(cl, cand[i], cand[i + 1], kind)) {
                    ExportAttributes ex = rs.export(c, cand[i + 1], kind, cl.session.external(), cl.session.options());
                    IpPrefix prefix = new IpPrefix(family.afi(), hi, lo, length);
                    sink.route(new InetNlri(family, addPath ? cand[i] + 1L : Nlri.NO_PATH_ID, prefix), cand[i],
                            AttributeCodecs.decodeWritten(ex.attributes(), 0, ex.attributes().length,
                                    cl.session.options()), ex.mpNextHop());
                    given++;
                    if (!addPath) {
                        break;
                    }
                }
            }
        }
        return p < rs.prefixes.capacity() ? p : -1;
    }

}
