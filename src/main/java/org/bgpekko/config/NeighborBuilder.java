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
    int listen;
    int connect;
    String md5Password;
    int outgoingTtl = -1;
    int incomingTtl = -1;
    boolean groupUpdates = true;
    boolean autoFlush = true;
    boolean manualEor;
    boolean adjRibIn = true;
    boolean adjRibOut = true;
    String hostName;
    String domainName;
    int rateLimit;
    String sourceInterface;
    final Set<Family> families = new TreeSet<>();
    CapabilityConfig capability = CapabilityConfig.DEFAULT;
    final Set<Family> addPathFamilies = new TreeSet<>();
    final Map<Family, Integer> nextHop = new LinkedHashMap<>();
    final List<ApiConfig> apis = new ArrayList<>();
    final List<RouteConfig> routes = new ArrayList<>();
    Token at;
    Token localAddressAt;
    Token md5At;
    boolean md5Base64;

    NeighborConfig build() {
        return new NeighborConfig(peerAddress, description, routerId, localAddress, localAs, peerAs, holdTime, passive,
                listen, connect, md5Password, outgoingTtl, incomingTtl, groupUpdates, autoFlush, manualEor, adjRibIn,
                adjRibOut, hostName, domainName, rateLimit, sourceInterface, families, capability, addPathFamilies,
                nextHop, apis, routes, at);
    }
}
