// The "capability { … }" block of a neighbor, with ExaBGP's defaults.
package org.bgpekko.config;

/**
 * @param gracefulRestart restart time in seconds, {@link #GR_HOLD_TIME} to use the hold time, or
 *     {@link #GR_DISABLED}
 * @param addPath 0 none, 1 receive, 2 send, 3 send/receive
 */
public record CapabilityConfig(boolean asn4, boolean routeRefresh, int gracefulRestart, int addPath,
                               boolean operational, boolean multiSession, boolean softwareVersion, boolean nexthop) {
    public static final int GR_DISABLED = -1;
    public static final int GR_HOLD_TIME = -2;

    public static final CapabilityConfig DEFAULT =
            new CapabilityConfig(true, false, GR_DISABLED, 0, false, false, false, false);
}
