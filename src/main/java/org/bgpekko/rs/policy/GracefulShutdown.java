// RFC 8326 GRACEFUL_SHUTDOWN as arouteserver's BIRD configuration handles it (graceful_shutdown).
package org.bgpekko.rs.policy;

import org.bgpekko.config.RsPolicy;

/**
 * With {@code graceful_shutdown.enabled} in general.yml, an accepted route carrying GRACEFUL_SHUTDOWN (65535:0) from a
 * client whose own {@code graceful_shutdown.enabled} is true is held with LOCAL_PREF {@code local_pref}, as BIRD sets it
 * (rs.policy.Ingress; LOCAL_PREF itself is not sent to external clients); from any other client the community is
 * removed on ingress.
 * Blackhole requests are left as they are (arouteserver accepts them before this step). Without the general setting
 * the community passes untouched.
 */
final class GracefulShutdown {
    private GracefulShutdown() {}

    static final long COMMUNITY = 0xFFFF0000L;
    /** {@link #treatment}: nothing to do, or the community to remove; else the LOCAL_PREF to use (0 or more). */
    static final long NONE = -1;
    static final long STRIP = -2;

    /**
     * Canonical bytes ({@code out}, what a client is to be sent) with GRACEFUL_SHUTDOWN added, for
     * arouteserver's perform_graceful_shutdown (last in its export filter).
     */
    static byte[] perform(byte[] out) {
        PathFacts now = PathFacts.parse(out);
        if (now.hasCommunity(COMMUNITY)) {
            return out;
        }
        AttributeRewrite r = new AttributeRewrite(now);
        r.addCommunity(COMMUNITY);
        return r.apply(out);
    }

    /** What the route server does with an accepted route of client {@code c}. */
    static long treatment(RsPolicy.Client c, PathFacts f, boolean ipv4) {
        long localPref = c.general().gshutLocalPref();
        if (localPref < 0 || !f.hasCommunity(COMMUNITY) || Blackhole.request(c, f, ipv4)) {
            return NONE;
        }
        return c.gshut() ? localPref : STRIP;
    }
}
