// Decodes the frames of one connection in the stream stage, switching to the negotiated options after the OPEN.
package org.bgpekko.peer;

import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.NotificationException;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;

/**
 * The stream decodes ahead of the actor, so it cannot wait for the Peer to negotiate: it derives the same
 * options from our OPEN and the peer's OPEN itself ({@link Negotiation#options}). Not thread-safe: one per stream.
 */
final class InboundDecoder {
    private final Open sent;
    private SessionOptions options = SessionOptions.LEGACY;
    private boolean failed;

    InboundDecoder(Open sent) {
        this.sent = sent;
    }

    /** One decoded frame: a message, or the NOTIFICATION its decoding calls for. */
    record Item(BgpMessage message, NotificationException error) {}

    /** Decodes one complete frame; after the first error every later frame is ignored (returns null). */
    Item decode(byte[] frame) {
        if (failed) {
            return null;
        }
        try {
            checkType(frame);
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
     * ExaBGP answers an unknown message type with 1/0 and a text (not RFC 4271's 1/3): the conformance case
     * unknown-message pins it. Marker and minimum length are checked first, as the header reader does.
     */
    private static void checkType(byte[] frame) {
        if (frame.length < BgpMessage.HEADER_LENGTH) {
            return; // MessageCodec reports the bad length
        }
        for (int i = 0; i < BgpMessage.MARKER_LENGTH; i++) {
            if (frame[i] != (byte) 0xFF) {
                return; // MessageCodec reports the bad marker
            }
        }
        int type = frame[18] & 0xFF;
        if (type < BgpMessage.OPEN || type > BgpMessage.ROUTE_REFRESH) {
            String text = "can not decode update message of type \"" + type + "\"";
            throw new NotificationException(1, 0, Bytes.ascii(text), text);
        }
    }
}
