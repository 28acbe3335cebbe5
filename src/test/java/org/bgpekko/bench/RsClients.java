// Who is who in bench/rs-convergence: the monitor and the feeders, their loopback addresses and AS numbers.
package org.bgpekko.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One numbering for the load generator and the server configurations the script writes (from {@code
 * RsConvergence clients N}): the server is 127.0.0.1, AS 64500; the monitor 127.0.0.10, AS 30010; feeder {@code f}
 * (0-based) 127.0.0.(11 + f), AS 30011 + f (public 16-bit ASNs, which a route server with arouteserver's default
 * policy accepts in an AS_PATH). Linux routes all of 127/8 to {@code lo}, so each client binds its own
 * address; at most {@link #MAX_FEEDERS} feeders fit in 127.0.0.0/24.
 */
final class RsClients {
    static final String SERVER_ADDRESS = "127.0.0.1";
    static final long SERVER_AS = 64500;
    static final int MAX_FEEDERS = 243;
    static final long FIRST_FEEDER_AS = 30011;

    private RsClients() {}

    /**
     * @param index 0 for the monitor, 1 + f for feeder f
     */
    record Client(int index, String name, String address, long as) {
        boolean isMonitor() {
            return index == 0;
        }

        /** f for feeder f, -1 for the monitor. */
        int feederIndex() {
            return index - 1;
        }
    }

    static Client monitor() {
        return new Client(0, "monitor", "127.0.0.10", FIRST_FEEDER_AS - 1);
    }

    static Client feeder(int f) {
        if (f < 0 || f >= MAX_FEEDERS) {
            throw new IllegalArgumentException("feeders are 0.." + (MAX_FEEDERS - 1) + ": " + f);
        }
        return new Client(1 + f, "feeder" + (f + 1), "127.0.0." + (11 + f), FIRST_FEEDER_AS + f);
    }

    /** The monitor, then the feeders. */
    static List<Client> all(int feeders) {
        List<Client> out = new ArrayList<>(feeders + 1);
        out.add(monitor());
        for (int f = 0; f < feeders; f++) {
            out.add(feeder(f));
        }
        return out;
    }

    /** The feeder whose AS is {@code as}, or -1. */
    static int feederOfAs(long as, int feeders) {
        long f = as - FIRST_FEEDER_AS;
        return f >= 0 && f < feeders ? (int) f : -1;
    }

    /** Feeder f's address as the 32-bit integer of a NEXT_HOP. */
    static long feederNextHop(int f) {
        return 127L << 24 | (11 + f);
    }
}
