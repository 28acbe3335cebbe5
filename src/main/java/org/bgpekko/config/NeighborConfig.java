// One neighbor after templates are applied: session settings, families, capabilities, API blocks and routes.
package org.bgpekko.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * @param routerId the BGP identifier, or -1 to take the local address
 * @param localAs the local AS, or {@link #AUTO_AS} ("auto" or not given: mirror the AS of the peer's OPEN)
 * @param peerAs the peer's AS, or {@link #AUTO_AS} ("auto" or not given: accept the AS of the peer's OPEN)
 * @param localAddress the address to connect from, or null for "auto"
 * @param adjRibIn keep the routes the peer sends (false: report them to helpers, keep none; ExaBGP's adj-rib-in)
 * @param routeServerClient a client of the route server (RFC 7947): what it sends is relayed to the other clients,
 *     and it receives theirs (docs/route-server.md)
 * @param families configured families (empty: ExaBGP's default, every family it knows)
 * @param addPathFamilies families of the add-path block (empty: every add-path capable family)
 * @param nextHop RFC 8950 entries: NLRI family to next-hop AFI
 * @param tcp the socket settings: TCP-MD5, GTSM, outgoing TTL, md5-ip
 * @param role the BGP role of RFC 9234 ({@link RoleConfig#NONE}: none); set from arouteserver's roles settings for a
 *     route-server client
 * @param rsPolicy the route-server policy of a client made from arouteserver's clients.yml (route-server section),
 *     or null (no policy: everything is relayed)
 */
public record NeighborConfig(IpAddress peerAddress, String description, long routerId, IpAddress localAddress,
                             long localAs, long peerAs, int holdTime, boolean passive, int connect,
                             boolean groupUpdates, boolean autoFlush, boolean manualEor, boolean adjRibIn,
                             boolean routeServerClient, String hostName, String domainName, Set<Family> families,
                             CapabilityConfig capability, Set<Family> addPathFamilies, Map<Family, Integer> nextHop, List<ApiConfig> apis,
                             List<RouteConfig> routes, Token at, TcpOptions tcp, RoleConfig role,
                             RsPolicy.Client rsPolicy) {
    /** local-as / peer-as "auto" (ExaBGP's default when the setting is absent). */
    public static final long AUTO_AS = -1;

    public NeighborConfig {
        families = Set.copyOf(families);
        addPathFamilies = Set.copyOf(addPathFamilies);
        nextHop = Map.copyOf(nextHop);
        apis = List.copyOf(apis);
        routes = List.copyOf(routes);
    }

    /** The address outgoing connections bind to: {@code md5-ip} when set (as ExaBGP), else the local address. */
    public IpAddress connectFrom() {
        return tcp.md5Ip() != null ? tcp.md5Ip() : localAddress;
    }

    /**
     * The same neighbour without its routes, position and route-server policy: what decides whether a reload restarts
     * its session. Routes and policy change under a running session (the Rib re-evaluates what it holds).
     */
    public NeighborConfig sessionSettings() {
        return new NeighborConfig(peerAddress, description, routerId, localAddress, localAs, peerAs, holdTime, passive,
                connect, groupUpdates, autoFlush, manualEor, adjRibIn, routeServerClient, hostName, domainName, families,
                capability, addPathFamilies, nextHop, apis, List.of(), null, tcp, role, null);
    }
}
