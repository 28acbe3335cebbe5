// Renders what a helper receives on its stdin (ExaBGP 5's text or JSON encoder): each method returns the exact
// text to write, newlines included.
package org.bgpekko.api;

import java.util.Optional;
import org.bgpekko.api.json.JsonEncoder;
import org.bgpekko.api.text.TextEncoder;
import org.bgpekko.config.env.ApiEncoder;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;

/**
 * One encoder per helper ({@code encoder text|json}). Which events a helper gets and in which form follows the
 * neighbour's {@code api} block as ExaBGP does it:
 * <ul>
 *   <li>{@code parsed} alone: {@link #message} without raw bytes;</li>
 *   <li>{@code packets} alone: {@link #packets};</li>
 *   <li>{@code parsed} and {@code packets}: both events, packets first;</li>
 *   <li>{@code consolidate}: one {@link #message} carrying the raw bytes (for "send", only when {@code packets} is
 *       also set; for "receive" always).</li>
 * </ul>
 */
public interface EventEncoder {
    /** {@code neighbor-changes}: the TCP connection is up. */
    String connected(EventContext ctx);

    /** {@code neighbor-changes}: the session is Established. */
    String up(EventContext ctx);

    /** {@code neighbor-changes}: the session went down, with ExaBGP's reason text. */
    String down(EventContext ctx, String reason);

    /**
     * A message in parsed form: OPEN, UPDATE (End-of-RIB included), NOTIFICATION, KEEPALIVE, ROUTE-REFRESH.
     *
     * @param raw the whole message as on the wire (header and body) for the consolidated form, else empty
     */
    String message(EventContext ctx, BgpMessage message, Optional<Bytes> raw);

    /** The {@code packets} form: the message type code and its raw bytes (header and body). */
    String packets(EventContext ctx, int type, Bytes raw);

    /** The notice every helper gets when the speaker stops. */
    String shutdown();

    /** The encoder a {@code process} block names, stamped with this process's host, pid, ppid and clock. */
    static EventEncoder of(ApiEncoder encoder) {
        return encoder == ApiEncoder.JSON ? JsonEncoder.forThisProcess() : TextEncoder.forThisProcess();
    }
}
