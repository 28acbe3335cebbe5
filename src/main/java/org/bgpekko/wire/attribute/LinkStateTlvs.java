// The BGP-LS Attribute TLVs ExaBGP reads (RFC 9552 section 5.3, RFC 9085, RFC 9514): numbers, and the shape each
// must have; the JSON encoder relies on these checks.
package org.bgpekko.wire.attribute;

import org.bgpekko.wire.Wire;

public final class LinkStateTlvs {
    public static final int NODE_FLAGS = 1024;
    public static final int NODE_OPAQUE = 1025;
    public static final int NODE_NAME = 1026;
    public static final int ISIS_AREA = 1027;
    public static final int LOCAL_TE_ROUTER_ID_V4 = 1028;
    public static final int LOCAL_TE_ROUTER_ID_V6 = 1029;
    public static final int REMOTE_TE_ROUTER_ID_V4 = 1030;
    public static final int REMOTE_TE_ROUTER_ID_V6 = 1031;
    public static final int SR_CAPABILITIES = 1034;
    public static final int SR_ALGORITHMS = 1035;
    public static final int SRV6_CAPABILITIES = 1038;
    public static final int ADMIN_GROUP = 1088;
    public static final int MAX_BANDWIDTH = 1089;
    public static final int MAX_RESERVABLE_BANDWIDTH = 1090;
    public static final int UNRESERVED_BANDWIDTH = 1091;
    public static final int TE_METRIC = 1092;
    public static final int LINK_PROTECTION = 1093;
    public static final int MPLS_MASK = 1094;
    public static final int IGP_METRIC = 1095;
    public static final int SRLG = 1096;
    public static final int LINK_NAME = 1098;
    public static final int SR_ADJACENCY = 1099;
    public static final int SR_ADJACENCY_LAN = 1100;
    public static final int SRV6_END_X = 1106;
    public static final int SRV6_LAN_END_X_ISIS = 1107;
    public static final int SRV6_LAN_END_X_OSPF = 1108;
    public static final int IGP_FLAGS = 1152;
    public static final int IGP_ROUTE_TAGS = 1153;
    public static final int IGP_EXTENDED_ROUTE_TAGS = 1154;
    public static final int PREFIX_METRIC = 1155;
    public static final int OSPF_FORWARDING_ADDRESS = 1156;
    public static final int PREFIX_OPAQUE = 1157;
    public static final int SR_PREFIX = 1158;
    public static final int SRV6_LOCATOR = 1162;
    public static final int SR_PREFIX_ATTRIBUTE_FLAGS = 1170;
    public static final int SR_SOURCE_ROUTER_ID = 1171;
    public static final int SRV6_ENDPOINT_BEHAVIOR = 1250;
    public static final int SRV6_SID_STRUCTURE = 1252;
    /** The SID/Label sub-TLV of the SR capabilities TLV. */
    public static final int SID_LABEL = 1161;

    private LinkStateTlvs() {}

    /** How many leading flag bits a flags TLV names; the others are reserved and must be zero (ExaBGP's check). */
    public static int namedFlagBits(int type) {
        return switch (type) {
            case NODE_FLAGS, SR_ADJACENCY, SR_ADJACENCY_LAN, SR_PREFIX, LINK_PROTECTION -> 6;
            case IGP_FLAGS -> 4;
            case SRV6_END_X, SRV6_LAN_END_X_ISIS, SRV6_LAN_END_X_OSPF, SR_PREFIX_ATTRIBUTE_FLAGS -> 3;
            case SR_CAPABILITIES, MPLS_MASK -> 2;
            case SRV6_LOCATOR -> 1;
            default -> 8;
        };
    }

    /** True when a flags byte has no reserved bit set. */
    static boolean flagsOk(int type, int flags) {
        return (flags & (0xFF >>> namedFlagBits(type))) == 0;
    }

    /** True when the value of a TLV of this type has the shape ExaBGP decodes; unknown types are always valid. */
    public static boolean valid(int type, byte[] v) {
        int n = v.length;
        return switch (type) {
            case NODE_FLAGS, IGP_FLAGS, MPLS_MASK -> n == 1 && flagsOk(type, v[0] & 0xFF);
            case LINK_PROTECTION -> n == 2 && flagsOk(type, v[0] & 0xFF);
            case SR_PREFIX_ATTRIBUTE_FLAGS -> n >= 1 && flagsOk(type, v[0] & 0xFF);
            case NODE_NAME -> n <= 255 && ascii(v);
            case LINK_NAME -> n <= 255;
            case ISIS_AREA -> n >= 1;
            case LOCAL_TE_ROUTER_ID_V4, LOCAL_TE_ROUTER_ID_V6, REMOTE_TE_ROUTER_ID_V4, REMOTE_TE_ROUTER_ID_V6,
                 OSPF_FORWARDING_ADDRESS, SR_SOURCE_ROUTER_ID -> n == 4 || n == 16;
            case ADMIN_GROUP, MAX_BANDWIDTH, MAX_RESERVABLE_BANDWIDTH, TE_METRIC, PREFIX_METRIC -> n == 4;
            case UNRESERVED_BANDWIDTH -> n == 32;
            case IGP_METRIC -> n >= 1 && n <= 3;
            case SRLG, IGP_ROUTE_TAGS -> n % 4 == 0;
            case IGP_EXTENDED_ROUTE_TAGS -> n % 8 == 0;
            case SR_CAPABILITIES -> n >= 2 && flagsOk(type, v[0] & 0xFF) && srRanges(v);
            case SRV6_CAPABILITIES -> n >= 2;
            case SR_ADJACENCY, SR_PREFIX -> n >= 4 && flagsOk(type, v[0] & 0xFF) && sids(type, v, 4);
            case SR_ADJACENCY_LAN -> n >= 10 && flagsOk(type, v[0] & 0xFF) && sids(type, v, 10);
            case SRV6_END_X -> n >= 22 && flagsOk(type, v[2] & 0xFF) && subTlvs(v, 22);
            case SRV6_LAN_END_X_ISIS -> n >= 28 && flagsOk(type, v[2] & 0xFF) && subTlvs(v, 28);
            case SRV6_LAN_END_X_OSPF -> n >= 26 && flagsOk(type, v[2] & 0xFF) && subTlvs(v, 26);
            case SRV6_LOCATOR -> n >= 8 && flagsOk(type, v[0] & 0xFF);
            case SRV6_ENDPOINT_BEHAVIOR, SRV6_SID_STRUCTURE -> n >= 4;
            default -> true;
        };
    }

    /** Whether SID/label fields after {@code from} fit the V and L flags: 3-byte labels, 4-byte indexes, else raw. */
    private static boolean sids(int type, byte[] v, int from) {
        boolean vFlag = (v[0] & 0x20) != 0;
        boolean lFlag = (v[0] & 0x10) != 0;
        if (type == SR_PREFIX) {
            vFlag = (v[0] & 0x08) != 0;
            lFlag = (v[0] & 0x04) != 0;
        }
        int rest = v.length - from;
        if (vFlag && lFlag) {
            return rest % 3 == 0;
        }
        if (!vFlag && !lFlag) {
            return type == SR_PREFIX ? rest == 0 || rest == 4 : rest % 4 == 0;
        }
        return true;
    }

    /** SR capabilities after flags and reserved: ranges of size (3), sub-TLV 1161 (type 2, length 2, value). */
    private static boolean srRanges(byte[] v) {
        int p = 2;
        while (p < v.length) {
            if (p + 7 > v.length || Wire.u16(v, p + 3) != SID_LABEL || p + 7 + Wire.u16(v, p + 5) > v.length) {
                return false;
            }
            p += 7 + Wire.u16(v, p + 5);
        }
        return true;
    }

    /** Sub-TLVs (type 2, length 2) filling v from {@code p} exactly. */
    private static boolean subTlvs(byte[] v, int p) {
        while (p < v.length) {
            if (p + 4 > v.length || p + 4 + Wire.u16(v, p + 2) > v.length) {
                return false;
            }
            p += 4 + Wire.u16(v, p + 2);
        }
        return true;
    }

    private static boolean ascii(byte[] v) {
        for (byte b : v) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
