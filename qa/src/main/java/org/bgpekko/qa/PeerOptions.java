// The option: lines of a .msg file, which configure the scripted test peer (and the runner).
package org.bgpekko.qa;

import java.util.List;
import java.util.OptionalInt;

/**
 * @param bindIpv6              listen on [::1] instead of 127.0.0.1
 * @param sendUnknownCapability append capability 66 "loremipsum" to the echoed OPEN
 * @param inspectOpen           match the speaker's OPEN against the first group
 * @param sendDefaultRoute      send the 0.0.0.0/32 UPDATE after OPEN + KEEPALIVE
 * @param sendUnknownMessage    send a 19-byte message of type 255 after OPEN + KEEPALIVE
 * @param asn                   answer with this AS (router-id then not incremented)
 * @param tcpConnections        for the runner: exabgp_tcp_connections (default 1)
 * @param unknown               option lines this runner does not know (kept for reporting)
 */
public record PeerOptions(boolean bindIpv6, boolean sendUnknownCapability, boolean inspectOpen,
                          boolean sendDefaultRoute, boolean sendUnknownMessage, OptionalInt asn,
                          int tcpConnections, List<String> unknown) {

    public static final PeerOptions NONE =
            new PeerOptions(false, false, false, false, false, OptionalInt.empty(), 1, List.of());

    public PeerOptions {
        unknown = List.copyOf(unknown);
    }

    /** Returns these options with one more option line applied (the line is trimmed, case kept). */
    public PeerOptions with(String line) {
        return switch (line) {
            case "option:bind:ipv6" -> new PeerOptions(true, sendUnknownCapability, inspectOpen,
                    sendDefaultRoute, sendUnknownMessage, asn, tcpConnections, unknown);
            case "option:open:send-unknown-capability" -> new PeerOptions(bindIpv6, true, inspectOpen,
                    sendDefaultRoute, sendUnknownMessage, asn, tcpConnections, unknown);
            case "option:open:inspect-open-message" -> new PeerOptions(bindIpv6, sendUnknownCapability, true,
                    sendDefaultRoute, sendUnknownMessage, asn, tcpConnections, unknown);
            case "option:update:send-default-route" -> new PeerOptions(bindIpv6, sendUnknownCapability,
                    inspectOpen, true, sendUnknownMessage, asn, tcpConnections, unknown);
            case "option:open:send-unknown-message" -> new PeerOptions(bindIpv6, sendUnknownCapability,
                    inspectOpen, sendDefaultRoute, true, asn, tcpConnections, unknown);
            default -> withNumeric(line);
        };
    }

    private PeerOptions withNumeric(String line) {
        String value = line.substring(line.lastIndexOf(':') + 1);
        if (line.startsWith("option:asn:")) {
            int n = Integer.parseInt(value);
            if (n < 0 || n > 65535) {
                throw new IllegalArgumentException("option:asn must be a 2-byte AS: " + line);
            }
            return new PeerOptions(bindIpv6, sendUnknownCapability, inspectOpen, sendDefaultRoute,
                    sendUnknownMessage, OptionalInt.of(n), tcpConnections, unknown);
        }
        if (line.startsWith("option:tcp_connections:")) {
            return new PeerOptions(bindIpv6, sendUnknownCapability, inspectOpen, sendDefaultRoute,
                    sendUnknownMessage, asn, Integer.parseInt(value), unknown);
        }
        List<String> more = new java.util.ArrayList<>(unknown);
        more.add(line);
        return new PeerOptions(bindIpv6, sendUnknownCapability, inspectOpen, sendDefaultRoute,
                sendUnknownMessage, asn, tcpConnections, more);
    }
}
