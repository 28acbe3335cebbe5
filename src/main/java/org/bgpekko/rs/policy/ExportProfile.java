// What a client's export depends on besides the peer_as values that name it: clients alike share an update group.
package org.bgpekko.rs.policy;

import org.bgpekko.config.RsPolicy;

/**
 * The export identity of a client under arouteserver's policy ({@code ServerPolicy.exportIdentity}): everything of
 * its {@link RsPolicy.Client} that {@link ExportControl} and {@link Blackhole} read to decide and rewrite what it is
 * sent, except its AS where a {@code peer_as} macro stands for it ({@link ExportControl.Scope#names}). The general
 * settings compare by identity: one general.yml is one object, and a reload (a new one) splits every group, which
 * is exact and cheap. A per-client setting that changes the export must be added here, or clients with different
 * values would share one encoding.
 *
 * @param rfc1997Own the client's AS is the route server's (NO_EXPORT does not stop a route to it, ExportControl)
 * @param otc the client is downstream under RFC 9234 roles: routes without OTC get one on egress ({@link Roles})
 */
public record ExportProfile(RsPolicy.General general, boolean prependRsAs, boolean announceBlackhole,
                            boolean rfc1997Own, boolean otc) {
    public static ExportProfile of(RsPolicy.Client c) {
        return new ExportProfile(c.general(), c.prependRsAs(), c.announceBlackhole(),
                c.asn() == c.general().rsAs(), Roles.downstream(c));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportProfile p && p.general == general && p.prependRsAs == prependRsAs
                && p.announceBlackhole == announceBlackhole && p.rfc1997Own == rfc1997Own && p.otc == otc;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(general) * 16 + (prependRsAs ? 8 : 0) + (announceBlackhole ? 4 : 0)
                + (rfc1997Own ? 2 : 0) + (otc ? 1 : 0);
    }
}
