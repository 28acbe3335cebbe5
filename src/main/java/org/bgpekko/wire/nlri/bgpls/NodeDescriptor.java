// One node descriptor sub-TLV of a BGP-LS NLRI (RFC 9552 section 5.2.1.4) as ExaBGP reads it.
package org.bgpekko.wire.nlri.bgpls;

import org.bgpekko.wire.Hex;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * @param type 512 AS, 513 BGP-LS identifier, 514 OSPF area, 515 IGP router ID
 * @param number the AS or the BGP-LS identifier
 * @param address the OSPF area (4 or 16 bytes), or an OSPF router ID
 * @param isoId the IS-IS router ID as ExaBGP shows it: the hex of the whole value (system ID, then PSN if any)
 * @param psn the pseudonode number of a 7-byte IS-IS router ID, else 0
 * @param designatedRouter the DR address of an 8-byte OSPF router ID, else null
 */
public record NodeDescriptor(int type, long number, IpAddress address, String isoId, int psn,
                             IpAddress designatedRouter) {
    public static final int AUTONOMOUS_SYSTEM = 512;
    public static final int BGP_LS_IDENTIFIER = 513;
    public static final int OSPF_AREA = 514;
    public static final int IGP_ROUTER_ID = 515;

    /**
     * Reads the sub-TLV whose value is b[off, off+len), for an NLRI of {@code protocolId}; null when ExaBGP would
     * refuse it (a wrong size, an unknown type, a router ID of a protocol it does not know).
     */
    static NodeDescriptor read(int type, byte[] b, int off, int len, int protocolId) {
        switch (type) {
            case AUTONOMOUS_SYSTEM, BGP_LS_IDENTIFIER -> {
                return len == 4 ? new NodeDescriptor(type, Wire.u32(b, off), null, null, 0, null) : null;
            }
            case OSPF_AREA -> {
                return len == 4 || len == 16
                        ? new NodeDescriptor(type, 0, IpAddress.read(b, off, len), null, 0, null) : null;
            }
            case IGP_ROUTER_ID -> {
                if (LinkStateNlri.isIsis(protocolId)) {
                    if (len != 6 && len != 7) {
                        return null;
                    }
                    String iso = Hex.encode(b, off, len).toLowerCase(java.util.Locale.ROOT);
                    return new NodeDescriptor(type, 0, null, iso, len == 7 ? b[off + 6] & 0xFF : 0, null);
                }
                if (LinkStateNlri.isOspfLike(protocolId) && (len == 4 || len == 8)) {
                    return new NodeDescriptor(type, 0, IpAddress.read(b, off, 4), null, 0,
                            len == 8 ? IpAddress.read(b, off + 4, 4) : null);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }
}
