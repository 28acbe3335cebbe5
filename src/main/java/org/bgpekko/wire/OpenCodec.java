// OPEN body codec (RFC 4271 section 4.2, RFC 5492, RFC 9072 extended optional parameters).
package org.bgpekko.wire;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.CapabilityCodecs;

public final class OpenCodec {
    /** Optional parameter type of capabilities (RFC 5492). */
    public static final int PARAM_CAPABILITIES = 2;
    /** RFC 9072 marker in the non-extended parameter type position. */
    private static final int EXTENDED_PARAMS = 255;

    private OpenCodec() {}

    /** Decodes an OPEN body b[off, off+len). */
    public static Open decode(byte[] b, int off, int len) {
        if (len < 10) {
            throw new NotificationException(1, 2, lengthData(len + BgpMessage.HEADER_LENGTH),
                    "OPEN body of " + len + " bytes is shorter than 10");
        }
        int version = b[off] & 0xFF;
        if (version != Open.VERSION) {
            throw new NotificationException(2, 1, Bytes.of((byte) 0, (byte) Open.VERSION),
                    "unsupported BGP version " + version);
        }
        int myAs = Wire.u16(b, off + 1);
        int hold = Wire.u16(b, off + 3);
        long id = Wire.u32(b, off + 5);
        int optLen = b[off + 9] & 0xFF;
        int p = off + 10;
        int end = off + len;
        boolean extended = false;
        if (optLen == EXTENDED_PARAMS && p < end && (b[p] & 0xFF) == EXTENDED_PARAMS) {
            if (p + 3 > end) {
                throw new NotificationException(2, 0, "extended optional parameters length truncated");
            }
            optLen = Wire.u16(b, p + 1);
            p += 3;
            extended = true;
        }
        if (p + optLen != end) {
            throw new NotificationException(2, 0,
                    "optional parameters length " + optLen + " does not match the " + (end - p) + " bytes left");
        }
        List<Capability> caps = new ArrayList<>();
        int headerSize = extended ? 3 : 2;
        while (p < end) {
            if (p + headerSize > end) {
                throw new NotificationException(2, 0, "optional parameter header truncated");
            }
            int type = b[p] & 0xFF;
            int plen = extended ? Wire.u16(b, p + 1) : b[p + 1] & 0xFF;
            p += headerSize;
            if (p + plen > end) {
                throw new NotificationException(2, 0, "optional parameter of type " + type + " overruns the OPEN");
            }
            if (type != PARAM_CAPABILITIES) {
                throw new NotificationException(2, 4, Bytes.of(b, p - headerSize, headerSize + plen),
                        "unsupported optional parameter type " + type);
            }
            readCapabilities(b, p, p + plen, caps);
            p += plen;
        }
        return new Open(version, myAs, hold, id, caps);
    }

    private static void readCapabilities(byte[] b, int p, int end, List<Capability> out) {
        while (p < end) {
            if (p + 2 > end) {
                throw new NotificationException(2, 0, "capability header truncated");
            }
            int code = b[p] & 0xFF;
            int clen = b[p + 1] & 0xFF;
            if (p + 2 + clen > end) {
                throw new NotificationException(2, 0, "capability " + code + " overruns its parameter");
            }
            out.add(CapabilityCodecs.decode(code, b, p + 2, clen));
            p += 2 + clen;
        }
    }

    /**
     * Writes an OPEN body: one capability per optional parameter; the RFC 9072 form when the parameters total
     * 255 bytes or more.
     */
    public static void encode(Open open, WireWriter out) {
        out.put8(open.version()).put16(open.myAs()).put16(open.holdTime()).put32(open.bgpIdentifier());
        WireWriter params = new WireWriter(64);
        for (Capability c : open.capabilities()) {
            params.put8(PARAM_CAPABILITIES);
            int at = params.position();
            params.put8(0);
            CapabilityCodecs.encode(c, params);
            params.set8(at, params.position() - at - 1);
        }
        int total = params.position();
        if (total < 255) {
            out.put8(total);
            out.putBytes(params.toArray(), 0, total);
            return;
        }
        WireWriter ext = new WireWriter(total + open.capabilities().size());
        for (Capability c : open.capabilities()) {
            ext.put8(PARAM_CAPABILITIES);
            int at = ext.position();
            ext.put16(0);
            CapabilityCodecs.encode(c, ext);
            ext.set16(at, ext.position() - at - 2);
        }
        out.put8(EXTENDED_PARAMS).put8(EXTENDED_PARAMS).put16(ext.position());
        out.putBytes(ext.toArray(), 0, ext.position());
    }

    static Bytes lengthData(int length) {
        return Bytes.of((byte) (length >>> 8), (byte) length);
    }
}
