// ExaBGP 5's text encoder for helper events: one line per event (a start…end block for an UPDATE), each event
// followed by an empty line, as ExaBGP writes its already newline-terminated text with one more newline.
package org.bgpekko.api.text;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bgpekko.api.EventContext;
import org.bgpekko.api.EventEncoder;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.RouteRefreshMessage;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.EnhancedRouteRefresh;
import org.bgpekko.wire.capability.ExtendedMessage;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Fqdn;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.Operational;
import org.bgpekko.wire.capability.RouteRefresh;
import org.bgpekko.wire.capability.SoftwareVersion;

public final class TextEncoder implements EventEncoder {
    private final long pid;
    private final long ppid;

    public TextEncoder(long pid, long ppid) {
        this.pid = pid;
        this.ppid = ppid;
    }

    public static TextEncoder forThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new TextEncoder(self.pid(), self.parent().map(ProcessHandle::pid).orElse(0L));
    }

    @Override
    public String connected(EventContext ctx) {
        return event("neighbor " + ctx.peerAddress() + " connected");
    }

    @Override
    public String up(EventContext ctx) {
        return event("neighbor " + ctx.peerAddress() + " up");
    }

    @Override
    public String down(EventContext ctx, String reason) {
        return event("neighbor " + ctx.peerAddress() + " down - " + reason);
    }

    @Override
    public String message(EventContext ctx, BgpMessage message, Optional<Bytes> raw) {
        String who = "neighbor " + ctx.peerAddress() + " " + ctx.direction() + " ";
        String packet = raw.map(TextEncoder::headerBody).orElse("");
        if (message instanceof Update u) {
            return update(who + "update", u, packet);
        } else if (message instanceof Notification n) {
            return event(who + "notification code " + n.code() + " subcode " + n.subcode() + " data 0x"
                    + n.data().hex() + packet);
        } else if (message instanceof Open o) {
            return event(who + "open version " + o.version() + " asn " + o.myAs() + " hold_time " + o.holdTime()
                    + " router_id " + Wire.ipv4(o.bgpIdentifier()) + " capabilities [" + capabilities(o.capabilities())
                    + "]" + packet);
        } else if (message instanceof RouteRefreshMessage r) {
            return event(who + "route-refresh afi " + r.family().afiName() + " safi " + r.family().safiName() + " "
                    + refreshSubtype(r.subtype()) + packet);
        }
        return event(who + "keepalive" + packet);
    }

    /** ExaBGP writes the message type as its number here: "neighbor P receive 2 header 0x… body 0x…". */
    @Override
    public String packets(EventContext ctx, int type, Bytes raw) {
        return event("neighbor " + ctx.peerAddress() + " " + ctx.direction() + " " + type + headerBody(raw));
    }

    @Override
    public String shutdown() {
        return event("shutdown " + pid + " " + ppid);
    }

    private static String update(String prefix, Update u, String packet) {
        StringBuilder sb = new StringBuilder(256).append(prefix).append(" start\n");
        for (String line : UpdateText.lines(u)) {
            sb.append(prefix).append(' ').append(line).append('\n');
        }
        if (!packet.isEmpty()) {
            sb.append(packet).append('\n');
        }
        return sb.append(prefix).append(" end\n\n").toString();
    }

    private static String event(String line) {
        return line + "\n\n";
    }

    /** " header 0x… body 0x…" (no body part for a message without one, as a KEEPALIVE). */
    static String headerBody(Bytes raw) {
        byte[] b = raw.toArray();
        if (b.length == 0) {
            return "";
        }
        int h = Math.min(BgpMessage.HEADER_LENGTH, b.length);
        String out = " header 0x" + Hex.encode(b, 0, h);
        return b.length > h ? out + " body 0x" + Hex.encode(b, h, b.length - h) : out;
    }

    private static String refreshSubtype(int subtype) {
        return switch (subtype) {
            case RouteRefreshMessage.REQUEST -> "query";
            case RouteRefreshMessage.BEGIN -> "begin";
            case RouteRefreshMessage.END -> "end";
            default -> "invalid";
        };
    }

    /**
     * ExaBGP's capability list, lower-cased, by code: the common ones by ExaBGP's names ("multiprotocol(ipv4
     * unicast)", "asn4(65000)", "route refresh" …); the others as "capability N".
     */
    static String capabilities(List<Capability> caps) {
        return caps.stream().sorted(java.util.Comparator.comparingInt(Capability::code)).map(TextEncoder::capability)
                .collect(Collectors.joining(", ")).toLowerCase(java.util.Locale.ROOT);
    }

    private static String capability(Capability c) {
        if (c instanceof Multiprotocol m) {
            return "multiprotocol(" + m.family().exaName() + ")";
        } else if (c instanceof FourOctetAs a) {
            return "asn4(" + a.asn() + ")";
        } else if (c instanceof RouteRefresh) {
            return "route refresh";
        } else if (c instanceof EnhancedRouteRefresh) {
            return "enhanced route refresh";
        } else if (c instanceof Operational) {
            return "operational";
        } else if (c instanceof ExtendedMessage) {
            return "extended message(65535)";
        } else if (c instanceof Fqdn f) {
            return "hostname(" + PeerText.escape(f.hostname()) + " " + PeerText.escape(f.domain()) + ")";
        } else if (c instanceof SoftwareVersion s) {
            return "software(" + PeerText.escape(s.version()) + ")";
        }
        return "capability " + c.code();
    }
}
