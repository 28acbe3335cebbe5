// Whole BGP messages: header validation (RFC 4271 section 6.1), dispatch by type, and encoding.
package org.bgpekko.wire;

public final class MessageCodec {
    private static final int MIN_OPEN = 29;
    private static final int MIN_UPDATE = 23;
    private static final int MIN_NOTIFICATION = 21;

    private MessageCodec() {}

    /** Decodes one complete message (header included) in b[off, off+len). */
    public static BgpMessage decode(byte[] b, int off, int len, SessionOptions options) {
        if (len < BgpMessage.HEADER_LENGTH) {
            throw new NotificationException(1, 2, OpenCodec.lengthData(len),
                    "message of " + len + " bytes is shorter than the 19-byte header");
        }
        for (int i = 0; i < BgpMessage.MARKER_LENGTH; i++) {
            if (b[off + i] != (byte) 0xFF) {
                throw new NotificationException(1, 1, "marker byte " + i + " is not 0xFF");
            }
        }
        int length = Wire.u16(b, off + 16);
        int type = b[off + 18] & 0xFF;
        if (length != len) {
            throw new NotificationException(1, 2, OpenCodec.lengthData(length),
                    "header length " + length + " but " + len + " bytes were given");
        }
        checkLength(type, length, options);
        return decodeBody(type, b, off + BgpMessage.HEADER_LENGTH, len - BgpMessage.HEADER_LENGTH, options);
    }

    public static BgpMessage decode(byte[] message, SessionOptions options) {
        return decode(message, 0, message.length, options);
    }

    /** The header length check of RFC 4271 section 6.1, per message type (1/2 with the length, 1/3 for a bad type). */
    public static void checkLength(int type, int length, SessionOptions options) {
        boolean bad = switch (type) {
            case BgpMessage.OPEN -> length < MIN_OPEN || length > SessionOptions.STANDARD_MAX;
            case BgpMessage.UPDATE -> length < MIN_UPDATE || length > options.maxMessageSize();
            case BgpMessage.NOTIFICATION -> length < MIN_NOTIFICATION || length > options.maxMessageSize();
            case BgpMessage.KEEPALIVE -> length != BgpMessage.HEADER_LENGTH;
            case BgpMessage.ROUTE_REFRESH -> length < 23 || length > options.maxMessageSize();
            default -> throw new NotificationException(1, 3, Bytes.of((byte) type), "unknown message type " + type);
        };
        if (bad) {
            throw new NotificationException(1, 2, OpenCodec.lengthData(length),
                    "bad length " + length + " for a " + BgpMessage.typeName(type) + " message");
        }
    }

    /** Decodes a message body of a known type (no header). */
    public static BgpMessage decodeBody(int type, byte[] b, int off, int len, SessionOptions options) {
        return switch (type) {
            case BgpMessage.OPEN -> OpenCodec.decode(b, off, len);
            case BgpMessage.UPDATE -> UpdateCodec.decode(b, off, len, options);
            case BgpMessage.NOTIFICATION -> {
                if (len < 2) {
                    throw new NotificationException(1, 2, OpenCodec.lengthData(len + 19), "NOTIFICATION too short");
                }
                yield new Notification(b[off] & 0xFF, b[off + 1] & 0xFF, Bytes.of(b, off + 2, len - 2));
            }
            case BgpMessage.KEEPALIVE -> {
                if (len != 0) {
                    throw new NotificationException(1, 2, OpenCodec.lengthData(len + 19), "KEEPALIVE with a body");
                }
                yield Keepalive.INSTANCE;
            }
            case BgpMessage.ROUTE_REFRESH -> {
                if (len != 4) {
                    throw new NotificationException(7, 1, Bytes.of(b, off - 19, len + 19),
                            "ROUTE-REFRESH body of " + len + " bytes, expected 4");
                }
                yield new RouteRefreshMessage(new Family(Wire.u16(b, off), b[off + 3] & 0xFF), b[off + 2] & 0xFF);
            }
            default -> throw new NotificationException(1, 3, Bytes.of((byte) type), "unknown message type " + type);
        };
    }

    /** Encodes a whole message, header included. */
    public static byte[] encode(BgpMessage m, SessionOptions options) {
        WireWriter out = new WireWriter(64);
        encode(m, out, options);
        return out.toArray();
    }

    /** Appends a whole message to {@code out}; throws if it exceeds the negotiated maximum size. */
    public static void encode(BgpMessage m, WireWriter out, SessionOptions options) {
        int start = out.position();
        for (int i = 0; i < BgpMessage.MARKER_LENGTH; i++) {
            out.put8(0xFF);
        }
        out.put16(0).put8(m.type());
        if (m instanceof Open o) {
            OpenCodec.encode(o, out);
        } else if (m instanceof Update u) {
            UpdateCodec.encode(u, out, options);
        } else if (m instanceof Notification n) {
            out.put8(n.code()).put8(n.subcode()).putBytes(n.data());
        } else if (m instanceof RouteRefreshMessage r) {
            out.put16(r.family().afi()).put8(r.subtype()).put8(r.family().safi());
        }
        int length = out.position() - start;
        int max = m instanceof Open ? SessionOptions.STANDARD_MAX : options.maxMessageSize();
        if (length > max) {
            out.truncate(start);
            throw new IllegalArgumentException(BgpMessage.typeName(m.type()) + " of " + length
                    + " bytes exceeds the maximum message size " + max);
        }
        out.set16(start + 16, length);
    }
}
