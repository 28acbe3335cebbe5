// ExaBGP's JSON of the segment routing TLVs of the BGP-LS Attribute (RFC 9085, RFC 9514) and of BGP-LS flag fields.
package org.bgpekko.api.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.attribute.LinkStateTlvs;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * Differences from ExaBGP, where its code fails: an SRv6 End.X sub-TLV it does not know shows as {@code
 * "CODE-undecoded"} (as its LAN End.X does); the SR LAN adjacencies show their content (ExaBGP's list stays
 * empty); an OSPF LAN End.X reads its SID after the 4-byte neighbor ID (RFC 9514 section 8), not over it.
 */
final class SegmentRoutingJson {
    private SegmentRoutingJson() {}

    /** The names of a flags byte, high bit first; the reserved bits are "RSV". */
    private static List<String> flagNames(int type) {
        List<String> named = switch (type) {
            case LinkStateTlvs.NODE_FLAGS -> List.of("O", "T", "E", "B", "R", "V");
            case LinkStateTlvs.LINK_PROTECTION -> List.of("ExtraTrafic", "Unprotected", "Shared", "Dedicated 1:1",
                    "Dedicated 1+1", "Enhanced");
            case LinkStateTlvs.MPLS_MASK -> List.of("LDP", "RSVP-TE");
            case LinkStateTlvs.IGP_FLAGS -> List.of("D", "N", "L", "P");
            case LinkStateTlvs.SR_PREFIX_ATTRIBUTE_FLAGS -> List.of("X", "R", "N");
            case LinkStateTlvs.SR_CAPABILITIES -> List.of("I", "V");
            case LinkStateTlvs.SR_ADJACENCY, LinkStateTlvs.SR_ADJACENCY_LAN -> List.of("F", "B", "V", "L", "S", "P");
            case LinkStateTlvs.SR_PREFIX -> List.of("R", "N", "P", "E", "V", "L");
            case LinkStateTlvs.SRV6_LOCATOR -> List.of("D");
            default -> List.of("B", "S", "P"); // SRv6 End.X and LAN End.X
        };
        if (named.size() != LinkStateTlvs.namedFlagBits(type)) {
            throw new IllegalStateException("flag names of TLV " + type + " do not match its flag bits");
        }
        return named;
    }

    /** ExaBGP's flags dictionary: each named bit, then "RSV" (zero: the decoder refused reserved bits). */
    static String flags(int type, byte b) {
        List<String> names = flagNames(type);
        List<String> out = new ArrayList<>(names.size() + 1);
        for (int i = 0; i < names.size(); i++) {
            out.add(JsonText.quote(names.get(i)) + ": " + ((b >>> (7 - i)) & 1));
        }
        out.add("\"RSV\": 0");
        return "{" + String.join(", ", out) + "}";
    }

    /** The member (or members) of a segment routing TLV, merged ones first to last. */
    static String member(int type, List<byte[]> values) {
        byte[] v = values.get(0);
        return switch (type) {
            case LinkStateTlvs.SR_CAPABILITIES -> "\"sr-capability-flags\": " + flags(type, v[0]) + ", \"sids\": "
                    + srRanges(v);
            case LinkStateTlvs.SRV6_CAPABILITIES -> "\"srv6-capabilities\": {\"flags\": {\"O\": "
                    + (Wire.u16(v, 0) & 0x40) + "}}";
            case LinkStateTlvs.SR_ADJACENCY -> "\"sr-adj\": {\"flags\": " + flags(type, v[0]) + ", \"sids\": "
                    + sids(type, v, 4).sidList() + ", \"weight\": " + (v[1] & 0xFF) + ", \"undecoded-sids\": "
                    + sids(type, v, 4).undecodedList() + "}";
            case LinkStateTlvs.SR_ADJACENCY_LAN -> "\"sr-adj-lan-sids\": "
                    + list(values, SegmentRoutingJson::lanAdjacency);
            case LinkStateTlvs.SR_PREFIX -> "\"sr-prefix-flags\": " + flags(type, v[0]) + ", \"sids\": "
                    + sids(type, v, 4).sidList() + ", \"undecoded-sids\": " + sids(type, v, 4).undecodedList()
                    + ", \"sr-algorithm\": " + (v[1] & 0xFF);
            case LinkStateTlvs.SRV6_END_X -> "\"srv6-endx\": " + list(values, x -> endX(type, x));
            case LinkStateTlvs.SRV6_LAN_END_X_ISIS -> "\"srv6-lan-endx-isis\": " + list(values, x -> endX(type, x));
            case LinkStateTlvs.SRV6_LAN_END_X_OSPF -> "\"srv6-lan-endx-ospf\": " + list(values, x -> endX(type, x));
            case LinkStateTlvs.SRV6_LOCATOR -> "\"srv6-locator\": {\"flags\": " + flags(type, v[0])
                    + ", \"algorithm\": " + (v[1] & 0xFF) + ", \"metric\": " + Wire.u32(v, 4) + "}";
            case LinkStateTlvs.SRV6_ENDPOINT_BEHAVIOR -> "\"srv6-endpoint-behavior\": {\"endpoint-behavior\": "
                    + Wire.u16(v, 0) + ", \"flags\": [], \"algorithm\": " + (v[3] & 0xFF) + "}";
            default -> "\"srv6-sid-structure\": " + structure(v, 0);
        };
    }

    private static String list(List<byte[]> values, java.util.function.Function<byte[], String> item) {
        return "[ " + String.join(", ", values.stream().map(item).toList()) + " ]";
    }

    /** SR capability ranges: [[range size, first SID or label], …]; sub-TLVs of another length are skipped. */
    private static String srRanges(byte[] v) {
        List<String> out = new ArrayList<>();
        for (int p = 2; p + 7 <= v.length; p += 7 + Wire.u16(v, p + 5)) {
            int n = Wire.u16(v, p + 5);
            if (n == 3 || n == 4) {
                long sid = n == 3 ? Wire.u24(v, p + 7) & 0xFFFFF : Wire.u32(v, p + 7);
                out.add("[" + Wire.u24(v, p) + ", " + sid + "]");
            }
        }
        return "[" + String.join(", ", out) + "]";
    }

    /** The SIDs of an SR TLV and the hex of what could not be read as SIDs. */
    private record Sids(List<Long> sids, List<String> undecoded) {
        String sidList() {
            return "[" + String.join(", ", sids.stream().map(String::valueOf).toList()) + "]";
        }

        String undecodedList() {
            return "[" + String.join(", ", undecoded.stream().map(JsonText::quote).toList()) + "]";
        }
    }

    /**
     * The SIDs after {@code from}: 3-byte labels with the V and L flags, 4-byte indexes with neither; with one of
     * them the rest is undecoded.
     */
    private static Sids sids(int type, byte[] v, int from) {
        int vBit = type == LinkStateTlvs.SR_PREFIX ? 0x08 : 0x20;
        int lBit = type == LinkStateTlvs.SR_PREFIX ? 0x04 : 0x10;
        boolean vFlag = (v[0] & vBit) != 0;
        boolean lFlag = (v[0] & lBit) != 0;
        List<Long> sids = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        if (vFlag != lFlag) {
            if (v.length > from) {
                raw.add("0x" + Hex.encode(v, from, v.length - from));
            }
        } else {
            int size = vFlag ? 3 : 4;
            for (int p = from; p + size <= v.length; p += size) {
                sids.add(size == 3 ? (long) Wire.u24(v, p) : Wire.u32(v, p));
            }
        }
        return new Sids(sids, raw);
    }

    /** ExaBGP's LAN adjacency: its "sid" is the last SID read (null when none). */
    private static String lanAdjacency(byte[] v) {
        Sids s = sids(LinkStateTlvs.SR_ADJACENCY_LAN, v, 10);
        String last = s.sids().isEmpty() ? "null" : String.valueOf(s.sids().get(s.sids().size() - 1));
        return "{\"flags\": " + flags(LinkStateTlvs.SR_ADJACENCY_LAN, v[0]) + ", \"weight\": " + (v[1] & 0xFF)
                + ", \"system-id\": " + JsonText.quote(Hex.encode(v, 4, 6).toLowerCase(Locale.ROOT)) + ", \"sid\": "
                + last + ", \"undecoded\": " + s.undecodedList() + "}";
    }

    /** An SRv6 End.X or LAN End.X TLV: flags, neighbor (LAN), behavior, algorithm, weight, SID, sub-TLVs. */
    private static String endX(int type, byte[] v) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("flags", flags(type, v[2]));
        int sidAt = 6;
        if (type == LinkStateTlvs.SRV6_LAN_END_X_ISIS) {
            m.put("neighbor-id", JsonText.quote(Hex.encode(v, 6, 6).toLowerCase(Locale.ROOT)));
            sidAt = 12;
        } else if (type == LinkStateTlvs.SRV6_LAN_END_X_OSPF) {
            m.put("neighbor-id", JsonText.quote(IpAddress.read(v, 6, 4).toString()));
            sidAt = 10;
        }
        m.put("behavior", Integer.toString(Wire.u16(v, 0)));
        m.put("algorithm", Integer.toString(v[3] & 0xFF));
        m.put("weight", Integer.toString(v[4] & 0xFF));
        m.put("sid", JsonText.quote(IpAddress.read(v, sidAt, 16).toString()));
        for (int p = sidAt + 16; p + 4 <= v.length; p += 4 + Wire.u16(v, p + 2)) {
            int code = Wire.u16(v, p);
            int n = Wire.u16(v, p + 2);
            if (code == LinkStateTlvs.SRV6_SID_STRUCTURE && n >= 4) {
                m.put("srv6-sid-structure", structure(v, p + 4));
            } else {
                m.put(code + "-undecoded", JsonText.quote("0x" + Hex.encode(v, p + 4, n)));
            }
        }
        List<String> out = new ArrayList<>(m.size());
        m.forEach((k, x) -> out.add(JsonText.quote(k) + ": " + x));
        return "{" + String.join(", ", out) + "}";
    }

    private static String structure(byte[] v, int p) {
        return "{\"loc_block_len\": " + (v[p] & 0xFF) + ", \"loc_node_len\": " + (v[p + 1] & 0xFF)
                + ", \"func_len\": " + (v[p + 2] & 0xFF) + ", \"arg_len\": " + (v[p + 3] & 0xFF) + "}";
    }
}
