// ExaBGP 5's JSON encoder for helper events: neighbour state, messages (parsed or consolidated with header and
// body), raw packets and the shutdown notice; one JSON object per line.
package org.bgpekko.api.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.bgpekko.api.EventContext;
import org.bgpekko.api.EventEncoder;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.Hex;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.RouteRefreshMessage;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.Wire;

public final class JsonEncoder implements EventEncoder {
    private final ExaJson json;

    public JsonEncoder(String host, long pid, long ppid, DoubleSupplier clock) {
        this.json = new ExaJson(host, pid, ppid, clock);
    }

    private JsonEncoder(ExaJson json) {
        this.json = json;
    }

    public static JsonEncoder forThisProcess() {
        return new JsonEncoder(ExaJson.forThisProcess());
    }

    @Override
    public String connected(EventContext ctx) {
        return state(ctx, JsonText.ks("state", "connected"));
    }

    @Override
    public String up(EventContext ctx) {
        return state(ctx, JsonText.ks("state", "up"));
    }

    /** ExaBGP turns brackets and braces of the reason into parentheses; the text is then escaped (D6). */
    @Override
    public String down(EventContext ctx, String reason) {
        String r = reason.replace('[', '(').replace(']', ')').replace('{', '(').replace('}', ')');
        return state(ctx, JsonText.ks("state", "down") + ", " + JsonText.ks("reason", r));
    }

    @Override
    public String message(EventContext ctx, BgpMessage message, Optional<Bytes> raw) {
        String content;
        if (message instanceof Update u) {
            content = "\"message\": { " + ExaJson.updateBody(u) + " }" + negotiated(ctx);
        } else if (message instanceof Open o) {
            content = "\"open\": { \"version\": " + o.version() + ", \"asn\": " + o.myAs() + ", \"hold_time\": "
                    + o.holdTime() + ", \"router_id\": " + JsonText.quote(Wire.ipv4(o.bgpIdentifier()))
                    + ", \"capabilities\": " + CapabilityJson.of(o.capabilities(),
                    !EventContext.SEND.equals(ctx.direction())) + " }";
        } else if (message instanceof Notification m) {
            content = "\"notification\": { \"code\": " + m.code() + ", \"subcode\": " + m.subcode()
                    + ", \"data\": " + JsonText.quote(JsonText.hex0x(m.data())) + ", \"message\": "
                    + JsonText.quote(ExaJson.notificationText(m)) + " } ";
        } else if (message instanceof RouteRefreshMessage r) {
            content = "\"route-refresh\": { " + JsonText.ks("afi", r.family().afiName()) + ", "
                    + JsonText.ks("safi", r.family().safiName()) + ", " + JsonText.ks("subtype", subtype(r)) + " }";
        } else {
            content = ""; // KEEPALIVE
        }
        return envelope(ctx, BgpMessage.typeName(message.type()), raw,
                ExaJson.neighbor(neighbor(ctx), ctx.direction(), content));
    }

    @Override
    public String packets(EventContext ctx, int type, Bytes raw) {
        byte[] b = raw.toArray();
        int h = Math.min(BgpMessage.HEADER_LENGTH, b.length);
        String content = "\"message\": { \"category\": " + type + ", \"header\": \"0x" + Hex.encode(b, 0, h)
                + "\", \"body\": \"0x" + Hex.encode(b, h, b.length - h) + "\" } " + negotiated(ctx);
        return envelope(ctx, BgpMessage.typeName(type), Optional.empty(),
                ExaJson.neighbor(neighbor(ctx), ctx.direction(), content));
    }

    @Override
    public String shutdown() {
        return json.shutdown() + "\n";
    }

    private static String subtype(RouteRefreshMessage r) {
        return switch (r.subtype()) {
            case RouteRefreshMessage.REQUEST -> "query";
            case RouteRefreshMessage.BEGIN -> "begin";
            case RouteRefreshMessage.END -> "end";
            default -> "subtype-" + r.subtype();
        };
    }

    private static ExaJson.Neighbor neighbor(EventContext ctx) {
        return new ExaJson.Neighbor(ctx.localAddress(), ctx.peerAddress(), ctx.localAs(), ctx.peerAs());
    }

    /** A state event: the neighbour block without direction. */
    private String state(EventContext ctx, String content) {
        String block = "\"neighbor\": { \"address\": { \"local\": " + JsonText.quote(ctx.localAddress())
                + ", \"peer\": " + JsonText.quote(ctx.peerAddress()) + " }, \"asn\": { \"local\": " + ctx.localAs()
                + ", \"peer\": " + ctx.peerAs() + " } , " + content + " }";
        return envelope(ctx, "state", Optional.empty(), block);
    }

    private String envelope(EventContext ctx, String type, Optional<Bytes> raw, String neighborBlock) {
        StringBuilder sb = new StringBuilder(256).append(json.head()).append("\"counter\": ").append(ctx.counter())
                .append(", \"type\": \"").append(type).append("\", ");
        if (raw.isPresent() && !raw.get().isEmpty()) {
            byte[] b = raw.get().toArray();
            int h = Math.min(BgpMessage.HEADER_LENGTH, b.length);
            sb.append("\"header\": \"0x").append(Hex.encode(b, 0, h)).append("\", ");
            if (b.length > h) {
                sb.append("\"body\": \"0x").append(Hex.encode(b, h, b.length - h)).append("\", ");
            }
        }
        return sb.append(neighborBlock).append(" }\n").toString();
    }

    /**
     * ", "negotiated": { … } " when the context carries the session. Families are quoted (ExaBGP leaves them bare,
     * which is not JSON: D6).
     */
    private static String negotiated(EventContext ctx) {
        if (ctx.negotiated().isEmpty()) {
            return "";
        }
        EventContext.Negotiated n = ctx.negotiated().get();
        List<String> members = new ArrayList<>();
        members.add(JsonText.kv("message_size", Integer.toString(n.messageSize())));
        members.add(JsonText.kv("hold_time", Integer.toString(n.holdTime())));
        members.add(JsonText.kv("asn4", Boolean.toString(n.asn4())));
        members.add(JsonText.kv("multisession", Boolean.toString(n.multisession())));
        members.add(JsonText.kv("operational", Boolean.toString(n.operational())));
        members.add(JsonText.ks("refresh", n.refresh()));
        members.add(JsonText.kv("families", families(n.families())));
        members.add(JsonText.kv("nexthop", JsonText.list(n.nextHop().stream().map(JsonText::quote).toList())));
        members.add(JsonText.kv("add_path", "{ \"send\": " + families(n.addPathSend()) + ", \"receive\": "
                + families(n.addPathReceive()) + " }"));
        return ", \"negotiated\": { " + String.join(", ", members) + " } ";
    }

    private static String families(List<Family> families) {
        return JsonText.list(families.stream().map(f -> JsonText.quote(f.exaName())).toList());
    }
}
