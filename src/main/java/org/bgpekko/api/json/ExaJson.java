// ExaBGP 5's JSON messages (API version 5.0.0): envelope, neighbor block, and the body of each message type.
package org.bgpekko.api.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.RouteRefreshMessage;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.attribute.MpReachNlri;
import org.bgpekko.wire.attribute.MpUnreachNlri;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

public final class ExaJson {
    /** The API format version ExaBGP 5 writes in "exabgp" (not the program version). */
    public static final String API_VERSION = "5.0.0";

    /** Who a message is about, as the neighbor block shows it. */
    public record Neighbor(String localAddress, String peerAddress, long localAs, long peerAs) {}

    private final String host;
    private final long pid;
    private final long ppid;
    private final DoubleSupplier clock;

    public ExaJson(String host, long pid, long ppid, DoubleSupplier clock) {
        this.host = host;
        this.pid = pid;
        this.ppid = ppid;
        this.clock = clock;
    }

    /** An encoder stamped with this process's host name, pid, parent pid and wall clock. */
    public static ExaJson forThisProcess() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        ProcessHandle self = ProcessHandle.current();
        long parent = self.parent().map(ProcessHandle::pid).orElse(0L);
        return new ExaJson(host, self.pid(), parent, () -> System.currentTimeMillis() / 1000.0);
    }

    public String update(Neighbor n, String direction, long counter, Update u) {
        return envelope(counter, "update", neighbor(n, direction, "\"message\": { " + updateBody(u) + " }"));
    }

    public String open(Neighbor n, String direction, long counter, Open o) {
        String body = "\"open\": { \"version\": " + o.version() + ", \"asn\": " + o.myAs() + ", \"hold_time\": "
                + o.holdTime() + ", \"router_id\": " + JsonText.quote(Wire.ipv4(o.bgpIdentifier()))
                + ", \"capabilities\": " + CapabilityJson.of(o.capabilities(), !"send".equals(direction)) + " }";
        return envelope(counter, "open", neighbor(n, direction, body));
    }

    public String notification(Neighbor n, String direction, long counter, Notification m) {
        String body = "\"notification\": { \"code\": " + m.code() + ", \"subcode\": " + m.subcode() + ", \"data\": "
                + JsonText.quote(JsonText.hex0x(m.data())) + ", \"message\": " + JsonText.quote(notificationText(m))
                + " } ";
        return envelope(counter, "notification", neighbor(n, direction, body));
    }

    public String keepalive(Neighbor n, String direction, long counter, Keepalive k) {
        return envelope(counter, "keepalive", neighbor(n, direction, ""));
    }

    public String refresh(Neighbor n, String direction, long counter, RouteRefreshMessage r) {
        String subtype = switch (r.subtype()) {
            case RouteRefreshMessage.REQUEST -> "query";
            case RouteRefreshMessage.BEGIN -> "begin";
            case RouteRefreshMessage.END -> "end";
            default -> "subtype-" + r.subtype();
        };
        String body = "\"route-refresh\": { " + JsonText.ks("afi", r.family().afiName()) + ", "
                + JsonText.ks("safi", r.family().safiName()) + ", " + JsonText.ks("subtype", subtype) + " }";
        return envelope(counter, "refresh", neighbor(n, direction, body));
    }

    /** The notice every helper gets when the speaker stops. */
    public String shutdown() {
        return head() + "\"type\": \"notification\", \"notification\": \"shutdown\" }";
    }

    /** The envelope up to the counter: version, time, host, pid, ppid. */
    String head() {
        return "{ \"exabgp\": \"" + API_VERSION + "\", \"time\": " + JsonText.seconds(clock.getAsDouble())
                + ", \"host\" : " + JsonText.quote(host) + ", \"pid\" : " + pid + ", \"ppid\" : " + ppid + ", ";
    }

    private String envelope(long counter, String type, String neighborBlock) {
        return head() + "\"counter\": " + counter + ", \"type\": \"" + type + "\", " + neighborBlock + " }";
    }

    static String neighbor(Neighbor n, String direction, String content) {
        return "\"neighbor\": { \"address\": { \"local\": " + JsonText.quote(n.localAddress()) + ", \"peer\": "
                + JsonText.quote(n.peerAddress()) + " }, \"asn\": { \"local\": " + n.localAs() + ", \"peer\": "
                + n.peerAs() + " } , \"direction\": " + JsonText.quote(direction)
                + (content.isEmpty() ? " " : ", " + content) + " }";
    }

    static String notificationText(Notification m) {
        Optional<String> shutdown = m.shutdownCommunication();
        if (shutdown.isPresent()) {
            return shutdown.get().isEmpty() ? "empty Shutdown Communication."
                    : "Shutdown Communication: \"" + shutdown.get().replace('\r', ' ').replace('\n', ' ') + "\"";
        }
        return new String(m.data().toArray(), StandardCharsets.UTF_8);
    }

    /** The next-hop key of announcements without one (FlowSpec without a redirect next hop). */
    private static final String NO_NEXT_HOP = "no-nexthop";

    /** The content of "message": the update object, or the eor object of an End-of-RIB. */
    static String updateBody(Update u) {
        Optional<Family> eor = u.endOfRibFamily();
        if (eor.isPresent()) {
            return "\"eor\": { \"afi\" : \"" + eor.get().afiName() + "\", \"safi\" : \"" + eor.get().safiName() + "\" }";
        }
        Map<Family, Map<String, List<String>>> plus = new LinkedHashMap<>();
        Map<Family, List<String>> minus = new LinkedHashMap<>();
        withdraw(minus, u.withdrawn());
        String v4NextHop = u.attributes().get(NextHop.class).map(h -> h.address().toString()).orElse(NO_NEXT_HOP);
        announce(plus, v4NextHop, u.nlri());
        u.mpUnreach().map(MpUnreachNlri::nlri).ifPresent(b -> withdraw(minus, b));
        u.mpReach().ifPresent(m -> announce(plus, nextHopText(m.nextHop()), m.nlri()));

        List<String> sections = new ArrayList<>(3);
        boolean anyAttribute = u.attributes().list().stream().anyMatch(a -> !(a instanceof MpReachNlri)
                && !(a instanceof MpUnreachNlri)) || !u.errors().isEmpty();
        if (anyAttribute) {
            sections.add("\"attribute\": { " + String.join(", ", AttributeJson.members(u.attributes(), u.errors())) + " }");
        }
        if (!plus.isEmpty()) {
            List<String> fams = new ArrayList<>();
            plus.forEach((f, byHop) -> {
                List<String> groups = new ArrayList<>();
                byHop.forEach((hop, items) -> groups.add(JsonText.kv(hop, JsonText.list(items))));
                fams.add(JsonText.kv(f.exaName(), JsonText.object(groups)));
            });
            sections.add(JsonText.kv("announce", JsonText.object(fams)));
        }
        if (!minus.isEmpty()) {
            List<String> fams = new ArrayList<>();
            minus.forEach((f, items) -> fams.add(JsonText.kv(f.exaName(), JsonText.list(items))));
            sections.add(JsonText.kv("withdraw", JsonText.object(fams)));
        }
        return "\"update\": { " + String.join(", ", sections) + " }";
    }

    private static void announce(Map<Family, Map<String, List<String>>> plus, String hop, NlriBlock block) {
        for (Nlri n : block) {
            plus.computeIfAbsent(block.family(), f -> new LinkedHashMap<>())
                    .computeIfAbsent(hop, h -> new ArrayList<>())
                    .add(NlriJson.of(n, n instanceof FlowNlri && hop.equals(NO_NEXT_HOP) ? null : hop));
        }
    }

    private static void withdraw(Map<Family, List<String>> minus, NlriBlock block) {
        for (Nlri n : block) {
            minus.computeIfAbsent(block.family(), f -> new ArrayList<>()).add(NlriJson.of(n));
        }
    }

    /** An MP next hop as text: IPv4, IPv6 (the global one of a pair), after a VPN's zero RD. */
    static String nextHopText(Bytes nh) {
        byte[] b = nh.toArray();
        return switch (b.length) {
            case 0 -> NO_NEXT_HOP;
            case 4, 16 -> IpAddress.read(b, 0, b.length).toString();
            case 32 -> IpAddress.read(b, 0, 16).toString();
            case 12 -> IpAddress.read(b, 8, 4).toString();
            case 24, 48 -> IpAddress.read(b, 8, 16).toString();
            default -> "0x" + nh.hex();
        };
    }
}
