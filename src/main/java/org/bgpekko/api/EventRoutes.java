// Which helpers get an event of a neighbour, and in which form, following the neighbour's api blocks as ExaBGP does.
package org.bgpekko.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bgpekko.config.ApiConfig;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.wire.BgpMessage;
import org.bgpekko.wire.Keepalive;
import org.bgpekko.wire.Notification;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.RouteRefreshMessage;
import org.bgpekko.wire.Update;

public final class EventRoutes {
    private EventRoutes() {}

    /** How a message event is rendered for one helper (see {@link EventEncoder}). */
    public enum Form { PARSED, PACKETS, PARSED_AND_PACKETS, CONSOLIDATED }

    /** The helpers that want neighbour changes (connected, up, down) of {@code n}. */
    public static Set<String> neighborChanges(NeighborConfig n, Collection<String> processes) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (ApiConfig api : n.apis()) {
            if (api.neighborChanges()) {
                out.addAll(attached(api, processes));
            }
        }
        return out;
    }

    /** The helpers that want a message of {@code n} sent or received ({@code receive}), with their form. */
    public static Map<String, Form> messages(NeighborConfig n, Collection<String> processes, boolean receive,
                                             BgpMessage m) {
        String type = typeName(m);
        Map<String, Form> out = new LinkedHashMap<>();
        for (ApiConfig api : n.apis()) {
            Set<String> words = receive ? api.receive() : api.send();
            if (type == null || !words.contains(type)) {
                continue;
            }
            Form form = form(words, receive);
            attached(api, processes).forEach(p -> out.put(p, form));
        }
        return out;
    }

    /** True when some helper may want a message of this direction: saves work when none does. */
    public static boolean wantsMessages(NeighborConfig n, boolean receive) {
        return n.apis().stream().anyMatch(a -> !(receive ? a.receive() : a.send()).isEmpty());
    }

    static Form form(Set<String> words, boolean receive) {
        boolean parsed = words.contains("parsed");
        boolean packets = words.contains("packets");
        if (words.contains("consolidate") && (receive || packets)) {
            return Form.CONSOLIDATED;
        }
        if (parsed && packets) {
            return Form.PARSED_AND_PACKETS;
        }
        return packets ? Form.PACKETS : Form.PARSED;
    }

    /** ExaBGP's word for a message type in the api receive/send blocks. */
    static String typeName(BgpMessage m) {
        if (m instanceof Update) {
            return "update";
        } else if (m instanceof Keepalive) {
            return "keepalive";
        } else if (m instanceof Open) {
            return "open";
        } else if (m instanceof Notification) {
            return "notification";
        } else if (m instanceof RouteRefreshMessage) {
            return "refresh";
        }
        return null;
    }

    /** The helper serves this neighbour: named in {@code processes} or matched by {@code processes-match}. */
    public static boolean serves(NeighborConfig n, String process) {
        return n.apis().stream().anyMatch(api -> attached(api, List.of(process)).contains(process));
    }

    private static List<String> attached(ApiConfig api, Collection<String> processes) {
        List<String> out = new ArrayList<>(api.processes());
        for (String regex : api.processesMatch()) {
            Pattern p = Pattern.compile(regex);
            processes.stream().filter(name -> p.matcher(name).lookingAt() && !out.contains(name)).forEach(out::add);
        }
        return out;
    }
}
