// arouteserver's reject codes (its docs/REJECT_REASON_COMMUNITIES.txt): what looking glasses map to reasons.
package org.bgpekko.rs.policy;

public final class RejectCode {
    private RejectCode() {}

    public static final int ACCEPTED = 0;
    public static final int AS_PATH_LENGTH = 1;
    public static final int BOGON = 2;
    public static final int GLOBAL_BLACK_LIST = 3;
    public static final int INVALID_AFI = 4;
    public static final int NEXT_HOP = 5;
    public static final int LEFT_MOST_ASN = 6;
    public static final int INVALID_ASN = 7;
    public static final int TRANSIT_FREE_ASN = 8;
    public static final int ORIGIN_NOT_IN_AS_SET = 9;
    public static final int IPV6_NOT_GLOBAL_UNICAST = 10;
    public static final int CLIENT_BLACK_LIST = 11;
    public static final int PREFIX_NOT_IN_AS_SET = 12;
    public static final int PREFIX_LENGTH = 13;
    public static final int RPKI_INVALID = 14;
    public static final int NEVER_VIA_ROUTE_SERVERS = 15;
    /** bgpekko's own, not arouteserver's: kept out because the client was at its max-prefix limit (action block). */
    public static final int MAX_PREFIX_BLOCKED = org.bgpekko.rs.ServerPolicy.LIMIT_BLOCKED;
    /** bgpekko's own, not arouteserver's (BIRD drops such routes): an OTC attribute from a client (RFC 9234). */
    public static final int ROUTE_LEAK = 65533;
    public static final int UNKNOWN = 65535;

    /** arouteserver's text of a code. */
    public static String reason(int code) {
        return switch (code) {
            case AS_PATH_LENGTH -> "Invalid AS_PATH length";
            case BOGON -> "Prefix is bogon";
            case GLOBAL_BLACK_LIST -> "Prefix is in global blacklist";
            case INVALID_AFI -> "Invalid AFI";
            case NEXT_HOP -> "Invalid NEXT_HOP";
            case LEFT_MOST_ASN -> "Invalid left-most ASN";
            case INVALID_ASN -> "Invalid ASN in AS_PATH";
            case TRANSIT_FREE_ASN -> "Transit-free ASN in AS_PATH";
            case ORIGIN_NOT_IN_AS_SET -> "Origin ASN not in IRRDB AS-SETs";
            case IPV6_NOT_GLOBAL_UNICAST -> "IPv6 prefix not in global unicast space";
            case CLIENT_BLACK_LIST -> "Prefix is in client blacklist";
            case PREFIX_NOT_IN_AS_SET -> "Prefix not in IRRDB AS-SETs";
            case PREFIX_LENGTH -> "Invalid prefix length";
            case RPKI_INVALID -> "RPKI INVALID route";
            case NEVER_VIA_ROUTE_SERVERS -> "Never via route-servers ASN in AS_PATH";
            case MAX_PREFIX_BLOCKED -> "Max-prefix limit reached";
            case ROUTE_LEAK -> "Route leak: OTC attribute from a client (RFC 9234)";
            default -> "Unknown";
        };
    }
}
