// The lines of show adj-rib in|out: ExaBGP's text, or one JSON object per route (a looking glass's form).
package org.bgpekko.api;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.api.json.AttributeJson;
import org.bgpekko.api.json.JsonText;
import org.bgpekko.api.json.NlriJson;
import org.bgpekko.rib.ShownRoute;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriText;

final class ShowRoutes {
    private ShowRoutes() {}

    /**
     * {@code neighbor IP FAMILY PREFIX}, for the Adj-RIB-Out followed by {@code next-hop NH} (ExaBGP's lines), and
     * by {@code source IP} for a route the route server relays; for a received route the route server's policy
     * keeps from the others by {@code filtered CODE "REASON"} or {@code not-exported CODE "REASON"}.
     */
    static String text(ShownRoute r) {
        Nlri n = r.nlri();
        String line = "neighbor " + r.neighbor() + " " + n.family() + " "
                + (n.hasPrefix() ? n.prefix().toString() : NlriText.of(n, null).strip());
        if (r.in()) {
            ShownRoute.Verdict v = r.policy();
            return v == null ? line : line + (v.filtered() ? " filtered " : " not-exported ") + v.code() + " \""
                    + v.reason() + "\"";
        }
        line += " next-hop " + (r.nextHop() == null ? "none" : r.nextHop());
        return r.source() == null ? line : line + " source " + r.source();
    }

    /**
     * One object per route, members in this order (docs/api.md, "show adj-rib json"): {@code neighbor},
     * {@code direction} ("in" or "out"), {@code family}, then {@code prefix} for a unicast or multicast prefix or {@code nlri} (ExaBGP's
     * NLRI object) for any other route, {@code path-information} when the route has a path identifier (ADD-PATH),
     * {@code next-hop} when it has one, {@code attribute} (ExaBGP's attribute object), {@code source} (the
     * client it came from) for a route the route server relays, and for a received route the route server's policy
     * keeps from the other clients {@code filtered} or {@code not-exported}: {@code {"code": N, "reason": TEXT}}.
     */
    static String json(ShownRoute r) {
        Nlri n = r.nlri();
        List<String> m = new ArrayList<>(8);
        m.add(JsonText.ks("neighbor", r.neighbor().toString()));
        m.add(JsonText.ks("direction", r.in() ? "in" : "out"));
        m.add(JsonText.ks("family", n.family().toString()));
        if (n instanceof InetNlri) {
            m.add(JsonText.ks("prefix", n.prefix().toString()));
            if (n.pathId() != Nlri.NO_PATH_ID) {
                m.add(JsonText.ks("path-information", Wire.ipv4(n.pathId())));
            }
        } else {
            m.add(JsonText.kv("nlri", NlriJson.of(n)));
        }
        if (r.nextHop() != null) {
            m.add(JsonText.ks("next-hop", r.nextHop()));
        }
        m.add(JsonText.kv("attribute", JsonText.object(AttributeJson.members(r.attributes(), List.of()))));
        if (r.source() != null) {
            m.add(JsonText.ks("source", r.source().toString()));
        }
        ShownRoute.Verdict v = r.policy();
        if (v != null) {
            m.add(JsonText.kv(v.filtered() ? "filtered" : "not-exported", JsonText.object(List.of(
                    JsonText.kv("code", Integer.toString(v.code())), JsonText.ks("reason", v.reason())))));
        }
        return JsonText.object(m);
    }
}
