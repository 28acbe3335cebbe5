// The NLRI words of a VPLS route (ExaBGP's l2vpn vpls): endpoint, base, offset, size and the rd.
package org.bgpekko.config;

import java.util.Locale;
import org.bgpekko.wire.nlri.Labels;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.RouteDistinguisher;
import org.bgpekko.wire.nlri.VplsNlri;

final class VplsWords implements RouteParser.NlriWords {
    private int endpoint = -1;
    private int base = -1;
    private Token baseAt;
    private int offset = -1;
    private int size = -1;

    @Override
    public boolean read(Token key, Words w) {
        switch (key.text().toLowerCase(Locale.ROOT)) {
            case "endpoint" -> endpoint = (int) w.number("VPLS endpoint (VE ID)", 0, 0xFFFF);
            case "base" -> {
                baseAt = w.peek();
                base = (int) w.number("VPLS label base", 0, Labels.MAX_LABEL);
            }
            case "offset" -> offset = (int) w.number("VPLS block offset", 0, 0xFFFF);
            case "size" -> size = (int) w.number("VPLS block size", 0, 0xFFFF);
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public Nlri build(Words w, Token at, RouteDistinguisher rd) {
        String missing = endpoint < 0 ? "endpoint" : base < 0 ? "base" : offset < 0 ? "offset" : size < 0 ? "size"
                : rd == null ? "rd" : null;
        if (missing != null) {
            throw w.error(at, "vpls route has no " + missing);
        }
        if (base > Labels.MAX_LABEL - size) { // ExaBGP's "vpls nlri size inconsistency"
            throw w.error(baseAt, "vpls label base " + base + " plus size " + size + " exceeds the 20-bit label range");
        }
        return new VplsNlri(rd, endpoint, offset, size, base);
    }
}
