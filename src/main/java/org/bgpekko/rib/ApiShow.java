// The text of the read-only helper commands: show neighbor, show adj-rib in|out.
package org.bgpekko.rib;

import java.util.ArrayList;
import java.util.List;
import org.bgpekko.api.Selector;

final class ApiShow {
    private ApiShow() {}

    static List<String> neighbors(List<PeerState> peers) {
        List<String> out = new ArrayList<>();
        for (PeerState p : peers) {
            out.add(Selector.describe(p.config) + " state " + (p.established() ? "established" : "down")
                    + " adj-rib-out " + p.out.announced().size()
                    + (p.established() ? " adj-rib-in " + p.in.size() : ""));
        }
        return out;
    }

    static List<String> adjRibOut(List<PeerState> peers) {
        List<String> out = new ArrayList<>();
        for (PeerState p : peers) {
            p.out.announced().values().forEach(c -> out.add("neighbor " + p.config.peerAddress() + " "
                    + c.nlri().family() + " " + text(c.nlri()) + " next-hop "
                    + c.attributes().nextHop().map(Object::toString).orElse("self")));
        }
        return out;
    }

    private static String text(org.bgpekko.wire.nlri.Nlri n) {
        return n.hasPrefix() ? n.prefix().toString() : org.bgpekko.api.text.NlriText.of(n, null).strip();
    }

    static List<String> adjRibIn(List<PeerState> peers) {
        List<String> out = new ArrayList<>();
        for (PeerState p : peers) {
            for (var family : p.in.families()) {
                p.in.forEach(family, (nlri, id) -> out.add("neighbor " + p.config.peerAddress() + " " + family
                        + " " + text(nlri)));
            }
        }
        return out;
    }
}
