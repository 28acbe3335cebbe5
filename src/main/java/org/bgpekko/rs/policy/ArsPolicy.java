// arouteserver's policy as the route server's Policy: import checks per route, export control per client.
package org.bgpekko.rs.policy;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.bgpekko.config.PrefixTable;
import org.bgpekko.config.RsPolicy;
import org.bgpekko.rs.RouteServer;
import org.bgpekko.rs.ServerPolicy;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpPrefix;

/**
 * Clients without an arouteserver policy (plain {@code route-server-client} neighbours) are relayed unchanged: their
 * routes are accepted, and they receive every candidate as it was received. The facts of an attribute set
 * ({@link PathFacts}) are parsed once, when a client's policy first reads them (or its import checks did), and kept
 * while candidates hold the set: sets only relayed to clients without a policy cost no facts (at a million routes in
 * 250,000 sets, 50-55 MB of heap; docs/benchmarks.md, "fourth part: peak RSS").
 */
public final class ArsPolicy implements ServerPolicy {
    private final IntFunction<RsPolicy.Client> clients;
    /** The canonical bytes of a held attribute set, for parsing its facts on first use. */
    private final IntFunction<byte[]> canonical;
    /** The ROAs learnt over RTR (changed by the caller), used for clients whose general.yml says rpki_roas.source rtr. */
    private final PrefixTable<RsPolicy.Roa> rtrRoas;
    private PathFacts[] facts = new PathFacts[64];
    /** The maintenance switch set by a helper (route-server graceful-shutdown on|off); null: the configuration's. */
    private Boolean performGshut;
    private byte[] lastCanonical;
    private PathFacts lastFacts;
    /**
     * What the set alone decides for a client, worked out for {@link #lastFacts} and {@code setClient} (the prefixes
     * of one UPDATE share it): a route leak (RFC 9234), ImportChecks.path's code, the origin in the client's
     * AS-SETs, whether general.yml tags the IRR outcome. Keyed by the client's policy object, so a reload (new
     * objects) or another client works it out again (docs/decisions.md D-SETCHECK).
     */
    private RsPolicy.Client setClient;
    private boolean setLeak;
    private int setPath;
    private boolean setOriginOk;
    private boolean setTags;
    /** By attribute set: its ExportControl.Scope under {@link #scopeGeneral}, or null until asked. */
    private ExportControl.Scope[] scopes = new ExportControl.Scope[64];
    private RsPolicy.General scopeGeneral;
    /** The last route importCheck accepted: its client, family and IRR outcome (Ingress.irr), for {@link #ingress}. */
    private RsPolicy.Client acceptedClient;
    private boolean acceptedIpv4;
    private int acceptedIrr;
    /** The last ingress worked out, and what it was worked out from: the next route with the same outcome reuses it. */
    private byte[] ingressFrom;
    private RsPolicy.Client ingressClient;
    private boolean ingressIpv4;
    private int ingressIrr;
    private byte[] ingress;

    /**
     * @param clients the policy of each client index, or null for a client without one
     * @param canonical the canonical bytes of each attribute set candidates hold
     */
    public ArsPolicy(IntFunction<RsPolicy.Client> clients, IntFunction<byte[]> canonical) {
        this(clients, canonical, new PrefixTable<>());
    }

    /** @param rtrRoas the ROAs learnt over RTR, which the caller keeps up to date */
    public ArsPolicy(IntFunction<RsPolicy.Client> clients, IntFunction<byte[]> canonical,
                     PrefixTable<RsPolicy.Roa> rtrRoas) {
        this.clients = clients;
        this.canonical = canonical;
        this.rtrRoas = rtrRoas;
    }

    @Override
    public int importCheck(int source, int kind, long hi, long lo, int length, int attr, byte[] canonical) {
        RsPolicy.Client c = clients.apply(source);
        acceptedClient = null;
        if (c == null) {
            return RejectCode.ACCEPTED;
        }
        if (canonical != lastCanonical) { // the prefixes of one UPDATE share their attribute bytes
            lastCanonical = canonical;
            lastFacts = PathFacts.parse(canonical);
            setClient = null;
        }
        if (c != setClient) {
            setClient = c;
            setLeak = Roles.leak(c, lastFacts);
            setPath = ImportChecks.path(c, lastFacts);
            setOriginOk = ImportChecks.originInAsSet(c, lastFacts);
            setTags = Ingress.tags(c.general());
        }
        if (setLeak) { // RFC 9234 section 5, before the filters (BIRD: when the route is received)
            return RejectCode.ROUTE_LEAK;
        }
        IpPrefix prefix = new IpPrefix(kind == 0 ? Family.AFI_IPV4 : Family.AFI_IPV6, hi, lo, length);
        int code = ImportChecks.check(c, lastFacts, setPath, setOriginOk, prefix,
                c.general().rtr() != null ? rtrRoas : c.general().roas());
        if (code == RejectCode.ACCEPTED) {
            acceptedClient = c;
            acceptedIpv4 = kind == 0;
            acceptedIrr = setTags ? Ingress.irr(c, lastFacts, setOriginOk, prefix) : Ingress.UNTAGGED;
        }
        return code;
    }

    /**
     * The route importCheck just accepted as the route server holds it ({@link Ingress}): the tags of its IRR outcome
     * added, GRACEFUL_SHUTDOWN applied. The same array for the next route of the same set and outcome.
     */
    @Override
    public byte[] ingress(int source, byte[] canonical) {
        RsPolicy.Client c = acceptedClient;
        if (c == null || canonical != lastCanonical) {
            return null;
        }
        if (canonical != ingressFrom || c != ingressClient || acceptedIpv4 != ingressIpv4 || acceptedIrr != ingressIrr) {
            ingressFrom = canonical;
            ingressClient = c;
            ingressIpv4 = acceptedIpv4;
            ingressIrr = acceptedIrr;
            ingress = Ingress.apply(c, lastFacts, canonical, acceptedIpv4, acceptedIrr);
        }
        return ingress;
    }

    /** The facts of a set just parsed by the import checks are kept; the others are parsed when first read. */
    @Override
    public void held(int attr, byte[] canonical) {
        if (attr >= facts.length) {
            facts = Arrays.copyOf(facts, Math.max(attr + 1, facts.length * 2));
        }
        facts[attr] = canonical == lastCanonical ? lastFacts : null;
        if (attr < scopes.length) {
            scopes[attr] = null;
        }
    }

    /** The facts of a held set, parsed on first use. */
    private PathFacts facts(int attr) {
        PathFacts f = facts[attr];
        if (f == null) {
            f = PathFacts.parse(canonical.apply(attr));
            facts[attr] = f;
        }
        return f;
    }

    @Override
    public void released(int attr) {
        facts[attr] = null;
        if (attr < scopes.length) {
            scopes[attr] = null;
        }
    }

    @Override
    public boolean exportable(int target, int source, int attr) {
        return exportable(clients.apply(target), attr, true);
    }

    @Override
    public boolean rewrites(int target, int attr) {
        return rewrites(clients.apply(target), attr, true);
    }

    @Override
    public boolean peerSpecific(int target, int attr) {
        RsPolicy.Client t = clients.apply(target);
        return t != null && scope(t.general(), attr, true).peerSpecific();
    }

    @Override
    public boolean names(int target, int attr) {
        RsPolicy.Client t = clients.apply(target);
        return t != null && scope(t.general(), attr, true).names(t);
    }

    /** A set without any community the export acts on goes to every client: the control matches are skipped. */
    private boolean exportable(RsPolicy.Client t, int attr, boolean current) {
        return t == null || !scope(t.general(), attr, current).acts() || ExportControl.announce(t, facts(attr));
    }

    private boolean rewrites(RsPolicy.Client t, int attr, boolean current) {
        if (t == null) {
            return false;
        }
        RsPolicy.General g = t.general();
        return t.prependRsAs() || !g.rpki() && g.community("rpki_bgp_origin_validation_not_performed") != null
                || scope(g, attr, current).acts() && ExportControl.rewrites(t, facts(attr))
                || performs(t) || Roles.addsOtc(t, facts(attr));
    }

    /**
     * The set's scope under {@code g}, kept per set for the general settings in force ({@code current}; a reload
     * brings new ones and starts the cache again); worked out each time for those a reload replaced.
     */
    private ExportControl.Scope scope(RsPolicy.General g, int attr, boolean current) {
        if (!current && g != scopeGeneral) {
            return ExportControl.scope(g, facts(attr));
        }
        if (g != scopeGeneral) {
            scopeGeneral = g;
            Arrays.fill(scopes, null);
        }
        if (attr >= scopes.length) {
            scopes = Arrays.copyOf(scopes, Math.max(attr + 1, scopes.length * 2));
        }
        ExportControl.Scope s = scopes[attr];
        if (s == null) {
            s = ExportControl.scope(g, facts(attr));
            scopes[attr] = s;
        }
        return s;
    }

    /**
     * arouteserver's max_prefix as BIRD applies it: {@code receive limit} (rejected routes count) or {@code import
     * limit}; {@code warning} takes the routes beyond it, the other actions do not ({@code block} keeps them out,
     * {@code shutdown} and {@code restart} close the session, see rib.Relay).
     */
    @Override
    public ServerPolicy.Limit limit(int source) {
        RsPolicy.Client c = clients.apply(source);
        RsPolicy.MaxPrefix m = c == null ? null : c.maxPrefix();
        if (m == null || m.ipv4() == 0 && m.ipv6() == 0) {
            return null;
        }
        return new ServerPolicy.Limit(m.ipv4(), m.ipv6(), m.countRejected(),
                m.action() == RsPolicy.MaxPrefixAction.WARNING);
    }

    /**
     * Clients with the same {@link ExportProfile} get the same export of every set that names none of them
     * ({@link #names}): they share an update group.
     */
    @Override
    public Object exportIdentity(int target) {
        RsPolicy.Client t = clients.apply(target);
        return t == null ? ServerPolicy.NO_POLICY : ExportProfile.of(t);
    }

    @Override
    public byte[] exportCanonical(int target, int attr, byte[] canonical) {
        return exportCanonical(clients.apply(target), attr, canonical);
    }

    private byte[] exportCanonical(RsPolicy.Client t, int attr, byte[] canonical) {
        byte[] out = ExportControl.rewrite(t, facts(attr), canonical);
        if (Roles.addsOtc(t, facts(attr))) {
            out = Roles.withOtc(out, t.general().rsAs());
        }
        return performs(t) ? GracefulShutdown.perform(out) : out;
    }

    /**
     * The export side of this policy as it was with the clients' policies of {@code before} (a reload replaced them):
     * what {@link RouteServer#exportChanged} compares with. The facts of the attribute sets are shared.
     */
    public ServerPolicy before(IntFunction<RsPolicy.Client> before) {
        return new ServerPolicy() {
            @Override
            public boolean exportable(int target, int source, int attr) {
                return ArsPolicy.this.exportable(before.apply(target), attr, false);
            }

            @Override
            public boolean rewrites(int target, int attr) {
                return ArsPolicy.this.rewrites(before.apply(target), attr, false);
            }

            @Override
            public byte[] exportCanonical(int target, int attr, byte[] canonical) {
                return ArsPolicy.this.exportCanonical(before.apply(target), attr, canonical);
            }

            @Override
            public Object exportIdentity(int target) {
                RsPolicy.Client t = before.apply(target);
                return t == null ? ServerPolicy.NO_POLICY : ExportProfile.of(t);
            }
        };
    }

    /**
     * The maintenance switch: GRACEFUL_SHUTDOWN added to every route sent to a client with a policy (true), or the
     * route-server section's perform-graceful-shutdown again (null). The caller has every route looked at again.
     */
    public void performGracefulShutdown(Boolean on) {
        performGshut = on;
    }

    private boolean performs(RsPolicy.Client t) {
        return performGshut != null ? performGshut : t.general().performGshut();
    }
}
