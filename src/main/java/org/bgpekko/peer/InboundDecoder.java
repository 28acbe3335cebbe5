// Frames and decodes the bytes of one connection in the stream stage, checking each header as soon as it is in.
package org.bgpekko.peer;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;

/**
 * RFC 4271 section 6.1: the 19-byte header is checked the moment it has arrived (marker 1/1, type, length 1/2 with
 * the length as data), so a bad header never waits for a declared body. The stream decodes ahead of the actor, so
 * it cannot wait for the Peer to negotiate: it derives the same options from our OPEN and the peer's OPEN itself
 * ({@link Negotiation#options}). Not thread-safe: one per stream. Holds at most one message plus one read.
 */
final class InboundDecoder {
    private final Open sent;
    private SessionOptions options = SessionOptions.LEGACY;
    private ByteString pending = ByteString.emptyByteString();
    private boolean failed;

    InboundDecoder(Open sent) {
        this.sent = sent;
    }

    /** One decoded frame: a message, or the NOTIFICATION its decoding calls for. */
    record Item(BgpMessage message, NotificationException error) {}

    /** Appends bytes read from the socket; returns the items they complete. After an error, nothing more. */
    List<Item> feed(ByteString bytes) {
        if (failed) {
            return List.of();
        }
        pending = pending.concat(bytes);
        List<Item> out = new ArrayList<>(2);
        while (!failed && pending.size() >= BgpMessage.HEADER_LENGTH) {
            byte[] header = pending.slice(0, BgpMessage.HEADER_LENGTH).toArray();
            int length;
            try {
                length = checkHeader(header, options);
            } catch (NotificationException e) {
                failed = true;
                out.add(new Item(null, e));
                break;
            }
            if (pending.size() < length) {
                break;
            }
            out.add(decode(pending.slice(0, length).toArray()));
            pending = pending.drop(length);
        }
        if (failed) {
            pending = ByteString.emptyByteString();
        } else if (pending.isEmpty()) {
            pending = ByteString.emptyByteString(); // no reference kept to the last read's buffer
        }
        return out;
    }

    /** Decodes one complete frame whose header was checked. */
    private Item decode(byte[] frame) {
        try {
            BgpMessage m = MessageCodec.decode(frame, options);
            if (m instanceof Open o) {
                options = Negotiation.options(sent, o);
            }
            return new Item(m, null);
        } catch (NotificationException e) {
            failed = true;
            return new Item(null, e);
        } catch (RuntimeException e) {
            failed = true;
            return new Item(null, new NotificationException(1, 0, "could not decode a message: " + e));
        }
    }

    /**
     * The header checks, in order: marker (1/1), type, then the length for that type (1/2, data: the length).
     * ExaBGP answers an unknown message type with 1/0 and a text (not RFC 4271's 1/3): the conformance case
     * unknown-message pins it.
     *
     * @return the declared length
     */
    static int checkHeader(byte[] header, SessionOptions options) {
        for (int i = 0; i < BgpMessage.MARKER_LENGTH; i++) {
            if (header[i] != (byte) 0xFF) {
                throw new NotificationException(1, 1, "marker byte " + i + " is not 0xFF");
            }
        }
        int length = (header[16] & 0xFF) << 8 | header[17] & 0xFF;
        int type = header[18] & 0xFF;
        if (type < BgpMessage.OPEN || type > BgpMessage.ROUTE_REFRESH) {
            String text = "can not decode update message of type \"" + type + "\"";
            throw new NotificationException(1, 0, Bytes.ascii(text), text);
        }
        if (length < BgpMessage.HEADER_LENGTH) {
            throw new NotificationException(1, 2, Bytes.of((byte) (length >> 8), (byte) length),
                    "header length " + length);
        }
        MessageCodec.checkLength(type, length, options);
        return length;
    }
}
