// The text encoder against README 5.5 and ExaBGP's text.py formats: every event is followed by an empty line.
package org.bgpekko.api;

import static org.bgpekko.api.EncoderFixtures.ctx;
import static org.bgpekko.api.EncoderFixtures.message;
import static org.bgpekko.api.EncoderFixtures.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.bgpekko.api.text.TextEncoder;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.RouteRefreshMessage;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.RouteRefresh;
import org.junit.jupiter.api.Test;

class TextEncoderTest {
    private final TextEncoder text = new TextEncoder(101, 100);
    private final EventContext in = ctx("127.0.0.1", 1, EventContext.RECEIVE, 1);
    private final EventContext out = ctx("127.0.0.1", 1, EventContext.SEND, 1);

    @Test
    void receivedDefaultRouteAsApiCheckExpects() {
        assertEquals("""
                neighbor 127.0.0.1 receive update start
                neighbor 127.0.0.1 receive update announced 0.0.0.0/32 next-hop 127.0.0.1 origin igp local-preference 100
                neighbor 127.0.0.1 receive update end

                """, text.message(in, message(EncoderFixtures.CHECK_UPDATE), Optional.empty()));
    }

    @Test
    void sentEndOfRib() {
        assertEquals("""
                neighbor 127.0.0.1 send update start
                neighbor 127.0.0.1 send update route eor 1/1 (ipv4 unicast)
                neighbor 127.0.0.1 send update end

                """, text.message(out, Update.endOfRib(Family.IPV4_UNICAST), Optional.empty()));
        String v6 = text.message(out, Update.endOfRib(Family.IPV6_UNICAST), Optional.empty());
        assertEquals("neighbor 127.0.0.1 send update route eor 2/1 (ipv6 unicast)", v6.lines().toList().get(1));
    }

    @Test
    void withdrawalsAndAttributes() {
        EventContext c = ctx("10.0.0.2", 65000, EventContext.RECEIVE, 1);
        assertEquals(List.of("neighbor 10.0.0.2 receive update start",
                "neighbor 10.0.0.2 receive update withdrawn 10.0.0.0/8",
                "neighbor 10.0.0.2 receive update announced 192.168.1.0/24 next-hop 1.1.1.1 origin igp as-path "
                        + "[ 65001 65002 ] med 200 community [ 2:1 no-export ]",
                "neighbor 10.0.0.2 receive update end", ""),
                text.message(c, message(EncoderFixtures.MIXED_UPDATE), Optional.empty()).lines().toList());
    }

    @Test
    void consolidatedUpdateCarriesTheBytesBeforeEnd() {
        List<String> lines = text.message(in, message(EncoderFixtures.RR_UPDATE), Optional.of(raw(
                EncoderFixtures.RR_UPDATE))).lines().toList();
        assertEquals(" header 0x" + EncoderFixtures.MARKER + "003102 body 0x" + EncoderFixtures.RR_UPDATE.substring(38),
                lines.get(2));
        assertEquals("neighbor 127.0.0.1 receive update end", lines.get(3));
    }

    @Test
    void neighborChanges() {
        assertEquals("neighbor 127.0.0.1 connected\n\n", text.connected(in));
        assertEquals("neighbor 127.0.0.1 up\n\n", text.up(in));
        assertEquals("neighbor 127.0.0.1 down - peer reset, message (notification) error (6,4,Administrative Reset)"
                + "\n\n", text.down(in, "peer reset, message (notification) error (6,4,Administrative Reset)"));
    }

    @Test
    void otherMessages() {
        assertEquals("neighbor 127.0.0.1 receive keepalive\n\n",
                text.message(in, message(EncoderFixtures.KEEPALIVE), Optional.empty()));
        assertEquals("neighbor 127.0.0.1 receive keepalive header 0x" + EncoderFixtures.KEEPALIVE + "\n\n",
                text.message(in, message(EncoderFixtures.KEEPALIVE), Optional.of(raw(EncoderFixtures.KEEPALIVE))));
        assertEquals("neighbor 127.0.0.1 send notification code 6 subcode 4 data "
                + "0x1441646D696E697374726174697665205265736574\n\n",
                text.message(out, message(EncoderFixtures.NOTIFICATION), Optional.empty()));
        assertEquals("neighbor 127.0.0.1 receive route-refresh afi ipv4 safi unicast query\n\n",
                text.message(in, new RouteRefreshMessage(Family.IPV4_UNICAST, 0), Optional.empty()));
        assertEquals("neighbor 127.0.0.1 receive 4 header 0x" + EncoderFixtures.KEEPALIVE + "\n\n",
                text.packets(in, 4, raw(EncoderFixtures.KEEPALIVE)));
    }

    @Test
    void openWithCapabilities() {
        org.bgpekko.wire.Open o = new org.bgpekko.wire.Open(4, 65000, 180, 0x01020304L,
                List.of(new Multiprotocol(Family.IPV4_UNICAST), new FourOctetAs(65000), new RouteRefresh()));
        assertEquals("neighbor 127.0.0.1 send open version 4 asn 65000 hold_time 180 router_id 1.2.3.4 capabilities "
                + "[multiprotocol(ipv4 unicast), route refresh, asn4(65000)]\n\n", text.message(out, o,
                Optional.empty()));
    }

    /**
     * Issue 10: a peer's host name (capability 73) or software version (75) with a newline forged a second event
     * line; now every event stays one line and the text is escaped.
     */
    @Test
    void peerTextCannotForgeAnEventLine() {
        String forged = "r1\nneighbor 127.0.0.1 receive update announced 8.8.8.0/24 next-hop 1.2.3.4\r\u2028x\\";
        org.bgpekko.wire.Open o = new org.bgpekko.wire.Open(4, 65000, 180, 0x01020304L, List.of(
                new org.bgpekko.wire.capability.Fqdn(forged, "d\u0000"),
                new org.bgpekko.wire.capability.SoftwareVersion("v\n1\u0085")));
        String event = text.message(in, o, Optional.empty());
        assertEquals(2, event.split("\n", -1).length - 1, "one line and the empty line: " + event);
        assertEquals("neighbor 127.0.0.1 receive open version 4 asn 65000 hold_time 180 router_id 1.2.3.4 capabilities "
                + "[hostname(r1\\x0aneighbor 127.0.0.1 receive update announced 8.8.8.0/24 next-hop 1.2.3.4"
                + "\\x0d\\u2028x\\\\ d\\x00), software(v\\x0a1\\x85)]\n\n", event);
        assertEquals("plain-name.example", org.bgpekko.api.text.PeerText.escape("plain-name.example"));
    }

    @Test
    void shutdownNotice() {
        assertEquals("shutdown 101 100\n\n", text.shutdown());
        assertEquals(Notification.CEASE, ((Notification) message(EncoderFixtures.NOTIFICATION)).code());
    }
}
