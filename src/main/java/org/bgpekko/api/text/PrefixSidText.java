// ExaBGP's text of a BGP Prefix-SID: "[ INDEX ]", "[ INDEX, [ ( BASE,RANGE ), … ] ]", or its SRv6 services.
package org.bgpekko.api.text;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.wire.attribute.PrefixSid;
import org.bgpekko.wire.attribute.Srv6Service;

final class PrefixSidText {
    private PrefixSidText() {}

    /** ExaBGP's spacing, its double space before a SID structure and unclosed SID information included. */
    static String of(PrefixSid s) {
        long index = s.labelIndex();
        if (index >= 0) {
            List<PrefixSid.Srgb> srgbs = s.srgbs();
            if (srgbs.isEmpty()) {
                return "[ " + index + " ]";
            }
            return "[ " + index + ", [ " + String.join(", ", srgbs.stream()
                    .map(g -> "( " + g.base() + "," + g.range() + " )").toList()) + " ] ]";
        }
        List<String> parts = new ArrayList<>();
        List<Srv6Service> services = Srv6Service.of(s);
        int service = 0;
        for (PrefixSid.Tlv t : s.tlvs()) {
            if (t.type() == PrefixSid.SRV6_L3_SERVICE || t.type() == PrefixSid.SRV6_L2_SERVICE) {
                parts.add(service(services.get(service++)));
            } else {
                parts.add("Attribute with code [ " + t.type() + " ] not implemented");
            }
        }
        return "[ " + String.join(", ", parts) + " ]";
    }

    private static String service(Srv6Service service) {
        List<String> sids = new ArrayList<>();
        for (Srv6Service.SidInformation i : service.sids()) {
            String sid = "sid-information [ sid:" + i.sid() + " flags:0 endpoint_behavior:0x"
                    + Integer.toHexString(i.behavior()) + " ";
            Srv6Service.SidStructure st = i.structure();
            if (st != null) {
                sid += " [ sid-structure [" + st.locatorBlock() + "," + st.locatorNode() + "," + st.function() + ","
                        + st.argument() + "," + st.transpositionLength() + "," + st.transpositionOffset() + "] ]";
            }
            sids.add(sid);
        }
        String name = service.tlvType() == PrefixSid.SRV6_L3_SERVICE ? "l3-service" : "l2-service";
        return name + " [ " + String.join(", ", sids) + " ]";
    }
}
