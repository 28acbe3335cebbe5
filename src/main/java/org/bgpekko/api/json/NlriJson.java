// ExaBGP's JSON object of one NLRI: { "nlri": "P", "path-information": "a.b.c.d", "label": [ [L] ], "rd": "RD" },
// or the object of a VPLS, MVPN, MUP, EVPN or BGP-LS route.
package org.bgpekko.api.json;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.Wire;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.BgpLsNlri;
import org.bgpekko.wire.nlri.LabeledNlri;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.VpnNlri;

public final class NlriJson {
    private NlriJson() {}

    public static String of(Nlri n) {
        return of(n, null);
    }

    /**
     * As {@link #of(Nlri)}, with the next hop of an announcement (null: a withdrawal, a bare NLRI, a flow without
     * one): FlowSpec NLRI show it, BGP-LS node and prefix objects too (ExaBGP's Python "None" when null).
     */
    public static String of(Nlri n, String nextHop) {
        if (n instanceof FlowNlri f) {
            return FlowJson.of(f, nextHop);
        }
        if (n instanceof BgpLsNlri ls) {
            return LinkStateNlriJson.of(ls, nextHop == null ? "None" : nextHop);
        }
        String family = FamilyNlriJson.of(n);
        if (family != null) {
            return family;
        }
        List<String> parts = new ArrayList<>(4);
        parts.add(JsonText.ks("nlri", n.prefix().toString()));
        if (n.pathId() != Nlri.NO_PATH_ID) {
            parts.add(JsonText.ks("path-information", Wire.ipv4(n.pathId())));
        }
        if (n instanceof LabeledNlri l) {
            parts.add(JsonText.kv("label", labels(l.labels())));
        } else if (n instanceof VpnNlri v) {
            parts.add(JsonText.kv("label", labels(v.labels())));
            parts.add(JsonText.ks("rd", v.rd().toString()));
        }
        return JsonText.object(parts);
    }

    static String labels(Labels labels) {
        List<String> items = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            items.add("[" + labels.label(i) + "]");
        }
        return JsonText.list(items);
    }
}
