// A BGP capability advertised in OPEN (RFC 5492); codes from the IANA capability registry.
package org.bgpekko.wire.capability;

public sealed interface Capability
        permits Multiprotocol, RouteRefresh, ExtendedNextHop, ExtendedMessage, GracefulRestart, FourOctetAs,
                MultiSession, AddPath, EnhancedRouteRefresh, Fqdn, SoftwareVersion, Operational, BgpRole,
                UnknownCapability {

    int MULTIPROTOCOL = 1;
    int ROUTE_REFRESH = 2;
    int EXTENDED_NEXT_HOP = 5;
    int EXTENDED_MESSAGE = 6;
    int BGP_ROLE = 9;
    int GRACEFUL_RESTART = 64;
    int FOUR_OCTET_AS = 65;
    int MULTI_SESSION = 68;
    int ADD_PATH = 69;
    int ENHANCED_ROUTE_REFRESH = 70;
    int FQDN = 73;
    int SOFTWARE_VERSION = 75;
    int OPERATIONAL = 185;

    int code();
}
