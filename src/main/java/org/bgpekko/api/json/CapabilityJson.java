// ExaBGP's "capabilities" object of an OPEN: keyed by code as received, or by name for what we send.
package org.bgpekko.api.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.capability.AddPath;
import org.bgpekko.wire.capability.BgpRole;
import org.bgpekko.wire.capability.Capability;
import org.bgpekko.wire.capability.EnhancedRouteRefresh;
import org.bgpekko.wire.capability.ExtendedMessage;
import org.bgpekko.wire.capability.ExtendedNextHop;
import org.bgpekko.wire.capability.FourOctetAs;
import org.bgpekko.wire.capability.Fqdn;
import org.bgpekko.wire.capability.GracefulRestart;
import org.bgpekko.wire.capability.MultiSession;
import org.bgpekko.wire.capability.Multiprotocol;
import org.bgpekko.wire.capability.Operational;
import org.bgpekko.wire.capability.RouteRefresh;
import org.bgpekko.wire.capability.SoftwareVersion;
import org.bgpekko.wire.capability.UnknownCapability;

public final class CapabilityJson {
    private CapabilityJson() {}

    /** The capabilities object; repeated codes fold into one member (multiprotocol lists every family). */
    public static String of(List<Capability> capabilities, boolean keyByCode) {
        Map<Integer, List<Capability>> byCode = new LinkedHashMap<>();
        for (Capability c : capabilities) {
            byCode.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
        }
        List<String> members = new ArrayList<>();
        for (Map.Entry<Integer, List<Capability>> e : byCode.entrySet()) {
            String key = keyByCode ? Integer.toString(e.getKey()) : name(e.getValue().get(0));
            members.add(JsonText.kv(key, value(e.getValue())));
        }
        return JsonText.object(members);
    }

    static String slash(Family f) {
        return f.afiName() + "/" + f.safiName();
    }

    private static String value(List<Capability> same) {
        Capability c = same.get(0);
        if (c instanceof BgpRole r) {
            c = r.asUnknown(); // as ExaBGP d7f4a9293, which does not know code 9
        }
        if (c instanceof Multiprotocol) {
            // a malformed multiprotocol capability of the same code stays an UnknownCapability: not a family
            List<String> fams = same.stream().filter(Multiprotocol.class::isInstance)
                    .map(m -> JsonText.quote(slash(((Multiprotocol) m).family()))).toList();
            return "{ \"name\": \"multiprotocol\", \"families\": " + JsonText.list(fams) + " }";
        } else if (c instanceof RouteRefresh) {
            return "{ \"name\": \"route-refresh\", \"variant\": \"RFC\" }";
        } else if (c instanceof EnhancedRouteRefresh) {
            return "{ \"name\": \"enhanced-route-refresh\" }";
        } else if (c instanceof FourOctetAs a) {
            return "{ \"name\": \"asn4\", \"asn4\": " + a.asn() + " }";
        } else if (c instanceof AddPath a) {
            StringBuilder sb = new StringBuilder("{ \"name\": \"addpath\"");
            List<String> pairs = new ArrayList<>();
            for (AddPath.Entry e : a.entries()) {
                pairs.add(JsonText.ks(slash(e.family()), addPathMode(e.mode())));
            }
            if (!pairs.isEmpty()) {
                sb.append(", ").append(String.join(",", pairs));
            }
            return sb.append(" }").toString();
        } else if (c instanceof GracefulRestart g) {
            List<String> fams = new ArrayList<>();
            for (GracefulRestart.Entry e : g.families()) {
                boolean forwarding = (e.flags() & GracefulRestart.FORWARDING_STATE) != 0;
                fams.add(JsonText.quote(slash(e.family())) + ": [ " + (forwarding ? "\"restart\" " : "") + "] ");
            }
            String famText = fams.isEmpty() ? "{ }" : "{ " + String.join(", ", fams) + "}";
            boolean restarting = (g.restartFlags() & GracefulRestart.RESTART_STATE) != 0;
            return "{ \"name\": \"graceful restart\", \"time\": " + g.restartTime() + ", \"address-family-flags\": "
                    + famText + ", \"restart-flags\": [" + (restarting ? " \"forwarding\" " : " ") + "]  }";
        } else if (c instanceof ExtendedNextHop x) {
            List<String> conv = x.entries().stream()
                    .map(e -> JsonText.quote(slash(e.family()) + "/" + Family.afiName(e.nextHopAfi()))).toList();
            return "{ \"name\": \"nexthop\", \"conversion\": " + JsonText.list(conv) + " }";
        } else if (c instanceof ExtendedMessage) {
            return "{ \"name\": \"extended-message\", \"size\": 65535 }";
        } else if (c instanceof Fqdn f) {
            return "{ " + JsonText.ks("host-name", f.hostname()) + ", " + JsonText.ks("domain-name", f.domain()) + " }";
        } else if (c instanceof SoftwareVersion s) {
            return "{ " + JsonText.ks("software", s.version()) + " }";
        } else if (c instanceof MultiSession) {
            return "{ \"name\": \"multisession\", \"variant\": \"RFC\", \"capabilities\": [ ] }";
        } else if (c instanceof Operational) {
            return "{ \"name\": \"operational\" }";
        }
        UnknownCapability u = (UnknownCapability) c;
        String iana = u.code() >= 128 ? "reserved" : u.code() >= 70 ? "unassigned" : "unknown";
        return "{ \"name\": \"unknown\", \"iana\": \"" + iana + "\", \"value\": " + u.code() + ", \"raw\": \""
                + u.value().hex() + "\" }";
    }

    private static String addPathMode(int mode) {
        return switch (mode) {
            case 0 -> "disabled";
            case AddPath.RECEIVE -> "receive";
            case AddPath.SEND -> "send";
            case AddPath.SEND_RECEIVE -> "send/receive";
            default -> "mode-" + mode;
        };
    }

    /** ExaBGP's name key of a capability we send. */
    static String name(Capability c) {
        return switch (c.code()) {
            case Capability.MULTIPROTOCOL -> "multiprotocol";
            case Capability.ROUTE_REFRESH -> "route-refresh";
            case Capability.EXTENDED_NEXT_HOP -> "nexthop";
            case Capability.EXTENDED_MESSAGE -> "extended-message";
            case Capability.GRACEFUL_RESTART -> "graceful-restart";
            case Capability.FOUR_OCTET_AS -> "asn4";
            case Capability.MULTI_SESSION -> "multi-session";
            case Capability.ADD_PATH -> "add-path";
            case Capability.ENHANCED_ROUTE_REFRESH -> "enhanced-route-refresh";
            case Capability.FQDN -> "hostname";
            case Capability.SOFTWARE_VERSION -> "software-version";
            case Capability.OPERATIONAL -> "operational";
            default -> "capability-" + c.code();
        };
    }
}
