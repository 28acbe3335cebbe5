// ExaBGP's JSON object of a FlowSpec NLRI: one list per component, "rd", "next-hop", and the "string" text.
package org.bgpekko.api.json;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.nlri.FlowComponent;
import org.bgpekko.wire.nlri.FlowNlri;
import org.bgpekko.wire.nlri.FlowText;

final class FlowJson {
    private FlowJson() {}

    /**
     * {@code { "destination-ipv4": [ "10.0.0.1/32" ], "tcp-flags": [ "ack", "cwr&!fin" ], "string": "flow …" }}.
     *
     * @param nextHop the next hop of an announcement that has one, else null
     */
    static String of(FlowNlri n, String nextHop) {
        List<String> members = new ArrayList<>();
        int afi = n.family().afi();
        for (FlowComponent c : n.components()) {
            members.add(JsonText.kv(FlowText.name(afi, c),
                    JsonText.list(FlowText.groups(afi, c).stream().map(JsonText::quote).toList())));
        }
        if (n.rd() != null) {
            members.add(JsonText.ks("rd", n.rd().toString()));
        }
        if (nextHop != null) {
            members.add(JsonText.ks("next-hop", nextHop));
        }
        members.add(JsonText.ks("string", FlowText.extensive(n, nextHop)));
        return JsonText.object(members);
    }
}
