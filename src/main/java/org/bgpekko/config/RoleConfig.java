// A neighbour's BGP role (RFC 9234): the role sent in OPEN, and whether the peer must send one (strict mode).
package org.bgpekko.config;

import org.bgpekko.wire.capability.BgpRole;

/**
 * @param localRole our role on the session, a value of RFC 9234's table 1 ({@code BgpRole.PROVIDER} ..
 *     {@code BgpRole.PEER}), or {@link #NO_ROLE}: no capability sent, no check, no OTC procedure
 * @param strict the peer must send the BGP Role capability (RFC 9234 section 4.2), else 2/11 Role Mismatch
 */
public record RoleConfig(int localRole, boolean strict) {
    public static final int NO_ROLE = -1;
    public static final RoleConfig NONE = new RoleConfig(NO_ROLE, false);

    public RoleConfig {
        if (localRole < NO_ROLE || localRole > BgpRole.PEER || localRole == NO_ROLE && strict) {
            throw new IllegalArgumentException("role " + localRole + (strict ? " strict" : ""));
        }
    }

    public boolean enabled() {
        return localRole != NO_ROLE;
    }
}
