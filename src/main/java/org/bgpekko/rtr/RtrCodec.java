// Encoder and decoder of RPKI-Router PDUs (RFC 8210 section 5; RFC 6810 for version 0): pure, no I/O.
package org.bgpekko.rtr;

import java.nio.charset.StandardCharsets;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.WireWriter;
import org.bgpekko.wire.nlri.IpPrefix;

/**
 * Every PDU starts with an 8-octet header: version, type, a 16-bit field (Session ID, error code, or zero), and the
 * length of the whole PDU. {@link #decode} reads one PDU from the front of a buffer and returns data, never throws:
 * a PDU, a request for more bytes, or what is wrong with it as the RFC 8210 error code to report.
 */
public final class RtrCodec {
    private RtrCodec() {}

    /** The highest protocol version bgpekko speaks (RFC 8210). */
    public static final int VERSION_1 = 1;
    /** RFC 6810. */
    public static final int VERSION_0 = 0;
    public static final int HEADER = 8;
    /** The largest PDU accepted: an Error Report with a prefix PDU and a long text fits many times over. */
    public static final int MAX_PDU = 65536;

    /** What {@link #decode} found at the front of a buffer. */
    public sealed interface Decoded {}

    /** A whole PDU of {@code length} octets, in protocol {@code version}. */
    public record Pdu(int version, RtrPdu pdu, int length) implements Decoded {}

    /** Fewer octets than the PDU needs: read more. */
    public record NeedMore() implements Decoded {}

    /**
     * A PDU that cannot be used: report {@code code} (RtrPdu.ErrorReport) with the offending octets and {@code text},
     * then end the session.
     */
    public record Malformed(int code, Bytes pdu, String text) implements Decoded {}

    private static final NeedMore NEED_MORE = new NeedMore();

    public static byte[] encode(int version, RtrPdu pdu) {
        WireWriter w = new WireWriter(32);
        if (pdu instanceof RtrPdu.SerialNotify p) {
            header(w, version, p.type(), p.sessionId(), 12).put32(p.serial());
        } else if (pdu instanceof RtrPdu.SerialQuery p) {
            header(w, version, p.type(), p.sessionId(), 12).put32(p.serial());
        } else if (pdu instanceof RtrPdu.ResetQuery || pdu instanceof RtrPdu.CacheReset) {
            header(w, version, pdu.type(), 0, 8);
        } else if (pdu instanceof RtrPdu.CacheResponse p) {
            header(w, version, p.type(), p.sessionId(), 8);
        } else if (pdu instanceof RtrPdu.Prefix p) {
            IpPrefix prefix = p.vrp().prefix();
            boolean v4 = prefix.afi() == Family.AFI_IPV4;
            header(w, version, p.type(), 0, v4 ? 20 : 32).put8(p.announce() ? 1 : 0).put8(prefix.length())
                    .put8(p.vrp().maxLength()).put8(0);
            if (v4) {
                w.put32(prefix.lo());
            } else {
                w.put64(prefix.hi()).put64(prefix.lo());
            }
            w.put32(p.vrp().asn());
        } else if (pdu instanceof RtrPdu.EndOfData p) {
            header(w, version, p.type(), p.sessionId(), version == VERSION_0 ? 12 : 24).put32(p.serial());
            if (version != VERSION_0) {
                w.put32(p.refresh()).put32(p.retry()).put32(p.expire());
            }
        } else if (pdu instanceof RtrPdu.RouterKey p) {
            w.put8(version).put8(p.type()).put8(p.flags()).put8(0)
                    .put32(HEADER + 24 + p.subjectPublicKeyInfo().length());
            w.putBytes(p.subjectKeyIdentifier()).put32(p.asn()).putBytes(p.subjectPublicKeyInfo());
        } else if (pdu instanceof RtrPdu.ErrorReport p) {
            byte[] text = p.text().getBytes(StandardCharsets.UTF_8);
            header(w, version, p.type(), p.code(), HEADER + 4 + p.pdu().length() + 4 + text.length)
                    .put32(p.pdu().length()).putBytes(p.pdu()).put32(text.length).putBytes(text, 0, text.length);
        }
        return w.toArray();
    }

    private static WireWriter header(WireWriter w, int version, int type, int field, int length) {
        return w.put8(version).put8(type).put16(field).put32(length);
    }

    /** Decodes the PDU at {@code b[off, end)}. */
    public static Decoded decode(byte[] b, int off, int end) {
        if (end - off < HEADER) {
            return NEED_MORE;
        }
        int version = b[off] & 0xFF;
        int type = b[off + 1] & 0xFF;
        int field = u16(b, off + 2);
        long length = u32(b, off + 4);
        if (length < HEADER || length > MAX_PDU) {
            return new Malformed(RtrPdu.ErrorReport.CORRUPT_DATA, Bytes.of(b, off, HEADER),
                    "PDU length " + length + " outside " + HEADER + ".." + MAX_PDU);
        }
        if (version > VERSION_1) {
            int n = (int) Math.min(length, end - off);
            return new Malformed(RtrPdu.ErrorReport.UNSUPPORTED_PROTOCOL_VERSION, Bytes.of(b, off, n),
                    "protocol version " + version + " (this router speaks 0 and 1)");
        }
        if (end - off < length) {
            return NEED_MORE;
        }
        int len = (int) length;
        Bytes whole = Bytes.of(b, off, len);
        int body = off + HEADER;
        try {
            RtrPdu pdu = switch (type) {
                case RtrPdu.SERIAL_NOTIFY -> {
                    expect(len, 12, type);
                    yield new RtrPdu.SerialNotify(field, u32(b, body));
                }
                case RtrPdu.SERIAL_QUERY -> {
                    expect(len, 12, type);
                    yield new RtrPdu.SerialQuery(field, u32(b, body));
                }
                case RtrPdu.RESET_QUERY -> {
                    expect(len, 8, type);
                    yield new RtrPdu.ResetQuery();
                }
                case RtrPdu.CACHE_RESPONSE -> {
                    expect(len, 8, type);
                    yield new RtrPdu.CacheResponse(field);
                }
                case RtrPdu.IPV4_PREFIX, RtrPdu.IPV6_PREFIX -> prefix(b, body, len, type);
                case RtrPdu.END_OF_DATA -> endOfData(b, body, len, version, field);
                case RtrPdu.CACHE_RESET -> {
                    expect(len, 8, type);
                    yield new RtrPdu.CacheReset();
                }
                case RtrPdu.ROUTER_KEY -> {
                    if (version == VERSION_0) {
                        yield null; // not a version 0 PDU type
                    }
                    if (len < HEADER + 24) {
                        throw new IllegalArgumentException("Router Key PDU of " + len + " octets (at least 32)");
                    }
                    yield new RtrPdu.RouterKey(b[off + 2] & 0xFF, Bytes.of(b, body, 20), u32(b, body + 20),
                            Bytes.of(b, body + 24, len - HEADER - 24));
                }
                case RtrPdu.ERROR_REPORT -> errorReport(b, body, off + len, field);
                default -> null;
            };
            if (pdu == null) {
                return new Malformed(RtrPdu.ErrorReport.UNSUPPORTED_PDU_TYPE, whole, "PDU type " + type);
            }
            return new Pdu(version, pdu, len);
        } catch (IllegalArgumentException e) {
            return new Malformed(RtrPdu.ErrorReport.CORRUPT_DATA, whole, e.getMessage());
        }
    }

    private static void expect(int len, int want, int type) {
        if (len != want) {
            throw new IllegalArgumentException("PDU type " + type + " of " + len + " octets (expected " + want + ")");
        }
    }

    private static RtrPdu prefix(byte[] b, int body, int len, int type) {
        boolean v4 = type == RtrPdu.IPV4_PREFIX;
        expect(len, v4 ? 20 : 32, type);
        int flags = b[body] & 0xFF;
        int length = b[body + 1] & 0xFF;
        int max = b[body + 2] & 0xFF;
        int afi = v4 ? Family.AFI_IPV4 : Family.AFI_IPV6;
        int bits = IpPrefix.maxLength(afi);
        if (length > bits || max > bits || max < length) {
            throw new IllegalArgumentException("prefix length " + length + " / max length " + max + " out of range");
        }
        if ((flags & 0xFE) != 0) {
            throw new IllegalArgumentException("unknown flags " + flags);
        }
        IpPrefix prefix = v4 ? new IpPrefix(afi, 0, u32(b, body + 4), length)
                : new IpPrefix(afi, u64(b, body + 4), u64(b, body + 12), length);
        long asn = u32(b, body + (v4 ? 8 : 20));
        return new RtrPdu.Prefix((flags & 1) != 0, new RtrPdu.Vrp(prefix, max, asn));
    }

    /** RFC 8210 section 6: the intervals' allowed ranges. */
    private static RtrPdu endOfData(byte[] b, int body, int len, int version, int session) {
        if (version == VERSION_0) {
            expect(len, 12, RtrPdu.END_OF_DATA);
            return new RtrPdu.EndOfData(session, u32(b, body), -1, -1, -1);
        }
        expect(len, 24, RtrPdu.END_OF_DATA);
        long refresh = u32(b, body + 4);
        long retry = u32(b, body + 8);
        long expire = u32(b, body + 12);
        if (refresh < 1 || refresh > 86400 || retry < 1 || retry > 7200 || expire < 600 || expire > 172800) {
            throw new IllegalArgumentException("End of Data intervals out of range (refresh " + refresh + ", retry "
                    + retry + ", expire " + expire + ")");
        }
        return new RtrPdu.EndOfData(session, u32(b, body), refresh, retry, expire);
    }

    private static RtrPdu errorReport(byte[] b, int body, int end, int code) {
        if (end - body < 4) {
            throw new IllegalArgumentException("Error Report without its encapsulated PDU length");
        }
        long pduLength = u32(b, body);
        if (pduLength > end - body - 8) {
            throw new IllegalArgumentException("Error Report's encapsulated PDU length " + pduLength + " too long");
        }
        int p = body + 4 + (int) pduLength;
        long textLength = u32(b, p);
        if (textLength != end - p - 4) {
            throw new IllegalArgumentException("Error Report's text length " + textLength + " does not fit the PDU");
        }
        return new RtrPdu.ErrorReport(code, Bytes.of(b, body + 4, (int) pduLength),
                new String(b, p + 4, (int) textLength, StandardCharsets.UTF_8));
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
    }

    private static long u32(byte[] b, int i) {
        return (long) u16(b, i) << 16 | u16(b, i + 2);
    }

    private static long u64(byte[] b, int i) {
        return u32(b, i) << 32 | u32(b, i + 4);
    }
}
