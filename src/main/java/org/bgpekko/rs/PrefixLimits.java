// The route server's max-prefix bookkeeping: when a client's routes reach its limit, reported once until below it again.
package org.bgpekko.rs;

import java.util.ArrayList;
import java.util.List;

/**
 * Part of {@link RouteServer} (same thread): counts against each client's {@link ServerPolicy.Limit} are the client's
 * own ({@link Client#held}); this keeps the "reached" state per client and family and the hits not yet reported.
 */
final class PrefixLimits {
    private final List<ServerPolicy.LimitHit> hits = new ArrayList<>();

    /**
     * A route of {@code src} that stood at {@code before} gets {@code code}: when that is one counted route more than
     * the limit, the limit is reported as reached (once until the client is below it again), and the route is taken
     * ({@code code}) or blocked ({@link ServerPolicy#LIMIT_BLOCKED}) as the limit says.
     */
    int admit(Client src, int kind, ServerPolicy.Limit limit, int before, int code) {
        if (limit == null || limit.of(kind) <= 0 || src.counts(before, limit.countRejected())
                || !src.counts(code, limit.countRejected())
                || src.held(kind, limit.countRejected()) < limit.of(kind)) {
            return code;
        }
        reached(src, kind, limit);
        return limit.admitBeyond() ? code : ServerPolicy.LIMIT_BLOCKED;
    }

    /** After routes of {@code src} changed: below the limit again, the next time it is reached is reported. */
    void settle(Client src, int kind, ServerPolicy.Limit limit) {
        if (limit != null && src.over(kind) && src.held(kind, limit.countRejected()) < limit.of(kind)) {
            src.setOver(kind, false);
        }
    }

    /**
     * After {@code src}'s routes were checked again: a limit they now exceed (one lowered by a reload, or rejected
     * routes that count now) is reported as reached, once.
     */
    void recheck(Client src, ServerPolicy.Limit limit) {
        for (int kind = 0; kind < 2; kind++) {
            if (limit.of(kind) > 0 && src.held(kind, limit.countRejected()) > limit.of(kind)) {
                reached(src, kind, limit);
            }
        }
    }

    private void reached(Client src, int kind, ServerPolicy.Limit limit) {
        if (!src.over(kind)) {
            src.setOver(kind, true);
            hits.add(new ServerPolicy.LimitHit(src.index, Prefixes.family(kind), limit.of(kind)));
        }
    }

    /** The limits reached since the last call, in order. */
    List<ServerPolicy.LimitHit> drain() {
        if (hits.isEmpty()) {
            return List.of();
        }
        List<ServerPolicy.LimitHit> out = List.copyOf(hits);
        hits.clear();
        return out;
    }
}
