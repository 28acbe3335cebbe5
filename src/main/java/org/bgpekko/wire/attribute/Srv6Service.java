// The SRv6 L3/L2 Service TLVs of a Prefix-SID (RFC 9252 section 2): SID information sub-TLVs and SID structure.
package org.bgpekko.wire.attribute;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * @param tlvType {@link PrefixSid#SRV6_L3_SERVICE} or {@link PrefixSid#SRV6_L2_SERVICE}
 * @param sids the SRv6 SID Information sub-TLVs (type 1); other sub-TLVs are skipped, as ExaBGP shows none
 */
public record Srv6Service(int tlvType, List<SidInformation> sids) {
    /** The SRv6 SID Information sub-TLV type. */
    public static final int SID_INFORMATION = 1;
    /** The SRv6 SID Structure sub-sub-TLV type. */
    public static final int SID_STRUCTURE = 1;

    public Srv6Service {
        sids = List.copyOf(sids);
    }

    /** One SRv6 SID with its endpoint behaviour (RFC 8986) and, when given, its structure. */
    public record SidInformation(IpAddress sid, int flags, int behavior, SidStructure structure) {}

    /** Locator block, locator node, function and argument lengths, transposition length and offset, in bits. */
    public record SidStructure(int locatorBlock, int locatorNode, int function, int argument,
                               int transpositionLength, int transpositionOffset) {}

    /** Reads a service TLV's value; null when its sub-TLVs are malformed. */
    static Srv6Service read(int tlvType, byte[] v) {
        List<SidInformation> sids = new ArrayList<>();
        for (int p = 1; p < v.length; ) { // byte 0 is reserved
            if (p + 3 > v.length || p + 3 + Wire.u16(v, p + 1) > v.length) {
                return null;
            }
            int len = Wire.u16(v, p + 1);
            if (v[p] == SID_INFORMATION) {
                SidInformation s = sidInformation(v, p + 3, len);
                if (s == null) {
                    return null;
                }
                sids.add(s);
            }
            p += 3 + len;
        }
        return v.length == 0 ? null : new Srv6Service(tlvType, sids);
    }

    /** reserved (1) SID (16) flags (1) behaviour (2) reserved (1), then sub-sub-TLVs. */
    private static SidInformation sidInformation(byte[] v, int off, int len) {
        if (len < 21) {
            return null;
        }
        SidStructure structure = null;
        int end = off + len;
        for (int p = off + 21; p < end; ) {
            if (p + 3 > end || p + 3 + Wire.u16(v, p + 1) > end) {
                return null;
            }
            int n = Wire.u16(v, p + 1);
            if (v[p] == SID_STRUCTURE) {
                if (n != 6) {
                    return null;
                }
                int q = p + 3;
                structure = new SidStructure(v[q] & 0xFF, v[q + 1] & 0xFF, v[q + 2] & 0xFF, v[q + 3] & 0xFF,
                        v[q + 4] & 0xFF, v[q + 5] & 0xFF);
            }
            p += 3 + n;
        }
        return new SidInformation(IpAddress.read(v, off + 1, 16), v[off + 17] & 0xFF, Wire.u16(v, off + 18),
                structure);
    }

    /** The TLV of one SID, as {@code bgp-prefix-sid-srv6 ( l3-service SID BEHAVIOR [..] )} gives it. */
    public static PrefixSid.Tlv tlv(int tlvType, IpAddress sid, int behavior, SidStructure structure) {
        if (sid.isIpv4() || behavior < 0 || behavior > 0xFFFF) {
            throw new IllegalArgumentException("an SRv6 SID is an IPv6 address with a 16-bit behavior");
        }
        WireWriter info = new WireWriter(32);
        info.put8(0);
        sid.write(info);
        info.put8(0).put16(behavior).put8(0);
        if (structure != null) {
            info.put8(SID_STRUCTURE).put16(6).put8(structure.locatorBlock()).put8(structure.locatorNode())
                    .put8(structure.function()).put8(structure.argument()).put8(structure.transpositionLength())
                    .put8(structure.transpositionOffset());
        }
        WireWriter w = new WireWriter(40);
        w.put8(0).put8(SID_INFORMATION).put16(info.position()).putBytes(info.toArray(), 0, info.position());
        return new PrefixSid.Tlv(tlvType, w.toBytes(0, w.position()));
    }

    /** The service TLVs of a Prefix-SID, in order. */
    public static List<Srv6Service> of(PrefixSid s) {
        List<Srv6Service> out = new ArrayList<>();
        for (PrefixSid.Tlv t : s.tlvs()) {
            if (t.type() == PrefixSid.SRV6_L3_SERVICE || t.type() == PrefixSid.SRV6_L2_SERVICE) {
                Srv6Service service = read(t.type(), t.value().toArray());
                if (service != null) {
                    out.add(service);
                }
            }
        }
        return out;
    }

    static boolean valid(PrefixSid.Tlv t) {
        return read(t.type(), t.value().toArray()) != null;
    }
}
