// The route-server policy read from arouteserver's files: what every client shares, and each client's own.
package org.bgpekko.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpekko.wire.nlri.IpAddress;

/** Immutable once loaded; the route server's checks (rs.policy) read it from the Rib actor. */
public final class RsPolicy {
    private RsPolicy() {}

    /**
     * arouteserver's kinds of community: INBOUND ones clients send to ask for an action (removed before export),
     * OUTBOUND ones the route server adds for its clients (removed from what clients send), INTERNAL ones neither
     * accepted nor sent; custom communities are handled as OUTBOUND.
     */
    public enum CommunityType { INBOUND, OUTBOUND, INTERNAL }

    public static CommunityType type(String name) {
        CommunityType t = RsSchema.TYPES.get(name);
        return t != null ? t : name.startsWith("reject_cause_map_") ? CommunityType.INTERNAL : CommunityType.OUTBOUND;
    }

    /** arouteserver's reject_policy. */
    public enum RejectPolicy { REJECT, TAG, TAG_AND_REJECT }

    /** What rfc1997_wellknown_communities.policy says about NO_EXPORT / NO_ADVERTISE received from clients. */
    public enum Rfc1997 { PASS, RFC1997 }

    /** A validated ROA payload (RFC 6482): an origin AS may announce a covered prefix up to maxLength. */
    public record Roa(long asn, int maxLength) {}

    /**
     * The RPKI cache the RTR client connects to (the route-server section's {@code rtr-cache}), used when general.yml's
     * {@code rpki_roas.source} is {@code rtr}: arouteserver leaves this session to BIRD's or OpenBGPD's own
     * configuration ({@code rpki_rtr_config.local}).
     */
    public record RtrCache(IpAddress address, int port) {
        /** The IANA port of RPKI-Router over TCP (RFC 8210 section 9). */
        public static final int DEFAULT_PORT = 323;
    }

    /** max_prefix.action. */
    public enum MaxPrefixAction { SHUTDOWN, RESTART, BLOCK, WARNING }

    /**
     * The most routes a client may send per family (0: no limit), and what happens above it.
     *
     * @param restartAfter minutes before a session shut down by {@code restart} may come back
     * @param countRejected count the routes the checks reject as well (BIRD's receive limit, not import limit)
     */
    public record MaxPrefix(MaxPrefixAction action, long ipv4, long ipv6, int restartAfter, boolean countRejected) {}

    /** blackhole_filtering.policy_ipv4|6 (RFC 7999 requests). */
    public enum BlackholePolicy { NONE, PROPAGATE_UNCHANGED, REWRITE_NEXT_HOP }

    /**
     * blackhole_filtering: what is done with routes carrying BLACKHOLE (65535:666) or the blackholing community.
     *
     * @param nextHopIpv4 the blackhole next hop of rewrite-next-hop for IPv4 (null otherwise)
     * @param addNoExport NO_EXPORT is added to the routes announced (arouteserver's default: true)
     */
    public record Blackhole(BlackholePolicy ipv4, BlackholePolicy ipv6, IpAddress nextHopIpv4, IpAddress nextHopIpv6,
                            boolean addNoExport) {
        public static final Blackhole NONE = new Blackhole(BlackholePolicy.NONE, BlackholePolicy.NONE, null, null,
                true);

        public BlackholePolicy policy(boolean ipv4Route) {
            return ipv4Route ? ipv4 : ipv6;
        }
    }

    /** white_list_route: a prefix range, and the origin AS it must have (-1: any). */
    public record WhiteRoute(PrefixRule rule, long asn) {}

    /**
     * The general settings (general.yml's cfg, bogons, ROAs).
     *
     * @param communities arouteserver's built-in communities that are set, by name (reject_cause_map_N included)
     * @param custom the custom communities, by name
     * @param transitFree transit_free.asns (empty: the check is off)
     * @param neverViaRouteServers never_via_route_servers.asns, and PeeringDB's list from irr.yml when enabled
     * @param roas ROAs by prefix, when RPKI origin validation is enabled with ROAs from a file (else null)
     * @param rtr the RTR cache, when RPKI origin validation is enabled with {@code rpki_roas.source: rtr} (else null):
     *     the ROAs are then the RTR client's, held by the Rib
     * @param mapped16 16bit_mapped_asn of each 32-bit client AS that has one
     * @param gshutLocalPref graceful_shutdown.local_pref when graceful_shutdown.enabled, else -1
     * @param performGshut GRACEFUL_SHUTDOWN (65535:0) is added to every route sent to a client (the route-server
     *     section's perform-graceful-shutdown, arouteserver's --perform-graceful-shutdown), at start
     * @param tagAsSet filtering.irrdb.tag_as_set: accepted routes get the [origin|prefix]_[not_]present_in_as_set and
     *     route_validated_via_white_list communities that are set (rs.policy.Ingress)
     */
    public record General(long rsAs, long routerId, Map<String, RsCommunity> communities,
                          Map<String, RsCommunity> custom, PrefixRule.List bogons, PrefixRule.List globalBlackList,
                          Set<Long> transitFree, boolean transitFreeReject, Set<Long> neverViaRouteServers,
                          boolean rpki, PrefixTable<Roa> roas, RtrCache rtr, Rfc1997 rfc1997, Map<Long, Long> mapped16,
                          Blackhole blackhole, long gshutLocalPref, boolean performGshut, boolean tagAsSet) {
        public RsCommunity community(String name) {
            return communities.get(name);
        }
    }

    /**
     * One client address (one neighbour) with its settings resolved: the client's own cfg over general.yml's.
     * {@code maxPrefix} is null when max_prefix.action is absent or empty (no limits, as arouteserver).
     *
     * @param nextHops the NEXT_HOP values it may use (strict: its address; same-as: every address of its AS;
     *     authorized_addresses: the list); empty for an IPv6 link-local client (not checked, as arouteserver)
     * @param origins the origin ASNs of its AS-SETs and aut-num, with white_list_asn
     * @param irrPrefixes the prefixes of its AS-SETs and aut-num, with white_list_pref
     * @param gshut graceful_shutdown.enabled for this client: its GRACEFUL_SHUTDOWN routes get the general
     *     local_pref (when the general setting is on; otherwise the community is passed on untouched)
     * @param role filtering.roles (RFC 9234): the route server's role on the session and strict mode, or
     *     {@link RoleConfig#NONE} when roles are not enabled for this client
     * @param attach the custom communities of attach_custom_communities, added to every route it sends
     */
    public record Client(General general, long asn, IpAddress address, String description, Set<IpAddress> nextHops,
                         int ipv4Min, int ipv4Max, int ipv6Min, int ipv6Max, PrefixRule.List blackList,
                         int maxAsPathLen, boolean rejectInvalidAsn, boolean enforceOrigin, boolean enforcePrefix,
                         Set<Long> origins, PrefixRule.List irrPrefixes, List<WhiteRoute> whiteListRoute,
                         boolean rpkiRejectInvalid, RejectPolicy rejectPolicy, boolean prependRsAs,
                         boolean announceBlackhole, MaxPrefix maxPrefix, boolean gshut, RoleConfig role,
                         List<RsCommunity> attach) {
        /** The value a peer_as macro takes in a standard community for this client: its AS, its 16-bit mapping, or -1. */
        public long stdPeerAs() {
            if (asn <= 0xFFFF) {
                return asn;
            }
            Long mapped = general.mapped16().get(asn);
            return mapped == null ? -1 : mapped;
        }
    }
}
