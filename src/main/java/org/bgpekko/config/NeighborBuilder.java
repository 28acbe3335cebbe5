// Accumulates one neighbor's settings: template sections first ("inherit"), then the neighbor's own.
package org.bgpekko.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.nlri.IpAddress;

final class NeighborBuilder {
    IpAddress peerAddress;
    String description = "";
    long routerId = -1;
    IpAddress localAddress;
    long localAs = -1;
    long peerAs = -1;
    int holdTime = 180;
    boolean passive;
    int connect;
    boolean groupUpdates = true;
    boolean autoFlush = true;
    boolean manualEor;
    boolean adjRibIn = true;
    boolean routeServerClient;
    Token routeServerClientAt;
    String hostName;
    String domainName;
    final Set<Family> families = new TreeSet<>();
    CapabilityConfig capability = CapabilityConfig.DEFAULT;
    final Set<Family> addPathFamilies = new TreeSet<>();
    final Map<Family, Integer> nextHop = new LinkedHashMap<>();
    final List<ApiConfig> apis = new ArrayList<>();
    final List<RouteConfig> routes = new ArrayList<>();
    String md5Password;
    TcpOptions.Md5Encoding md5Encoding = TcpOptions.Md5Encoding.TEXT;
    IpAddress md5Ip;
    int outgoingTtl;
    int incomingTtl;
    Token md5At;
    Token md5IpAt;
    /** The first setting that needs the native socket transport (md5-password, a TTL), or null. */
    Token nativeAt;
    Token at;
    Token localAddressAt;
    RoleConfig role = RoleConfig.NONE;
    RsPolicy.Client rsPolicy;

    NeighborConfig build() {
        return new NeighborConfig(peerAddress, description, routerId, localAddress, localAs, peerAs, holdTime, passive,
                connect, groupUpdates, autoFlush, manualEor, adjRibIn, routeServerClient, hostName, domainName, families,
                capability, addPathFamilies, nextHop, apis, routes, at,
                new TcpOptions(md5Password, md5Encoding, md5Ip, outgoingTtl, incomingTtl), role, rsPolicy);
    }
}
