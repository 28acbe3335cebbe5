// One route of a route-server scenario, written in ExaBGP's route syntax ("PREFIX next-hop IP as-path [ … ] …"):
// the UPDATEs a scripted client sends for it, and whether a client holds exactly it (ORIGIN IGP when not given).
package org.bgpekko.rs;

import java.nio.file.Path;
import java.util.List;
import org.bgpekko.config.RouteConfig;
import org.bgpekko.config.RouteLine;
import org.bgpekko.config.Tokenizer;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.UpdatePacker;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

record RsScenarioRoute(Nlri nlri, IpAddress nextHop, PathAttributes attributes) {
    private static final Path SOURCE = Path.of("scenario.yml");

    static RsScenarioRoute parse(String text) {
        RouteConfig r = RouteLine.route(Tokenizer.tokenize(SOURCE, text + ";").get(0), 0, null, false);
        PathAttributes a = r.attributes().without(PathAttribute.NEXT_HOP);
        if (!a.has(PathAttribute.ORIGIN)) {
            a = a.with(Origin.IGP);
        }
        return new RsScenarioRoute(r.nlri(), r.nextHop().orElseThrow(), a);
    }

    /** The UPDATEs announcing it as a client writes them, decoded as the server decodes them. */
    List<Update> updates() {
        boolean v4 = nlri.family().equals(Family.IPV4_UNICAST);
        PathAttributes a = v4 ? attributes.with(new NextHop(nextHop)) : attributes;
        List<byte[]> wire = UpdatePacker.announce(a, v4 ? Bytes.EMPTY : nextHop.toBytes(),
                NlriBlock.of(nlri.family(), false, List.of(nlri)), SessionOptions.DEFAULT, UpdatePacker.UNLIMITED);
        SessionOptions server = RsFixtures.options();
        return wire.stream().map(m -> (Update) MessageCodec.decode(m, server)).toList();
    }

    /** The client holds this prefix with exactly this next hop and these attributes. */
    boolean heldBy(RsClientProbe c) {
        RsClientProbe.Held h = c.table.get(nlri);
        if (h == null) {
            return false;
        }
        IpAddress hop = h.mpNextHop() != null ? IpAddress.read(h.mpNextHop())
                : h.attributes().get(NextHop.class).map(NextHop::address).orElse(null);
        return nextHop.equals(hop) && attributes.equals(h.attributes().without(PathAttribute.NEXT_HOP)
                .without(PathAttribute.MP_REACH_NLRI).without(PathAttribute.MP_UNREACH_NLRI));
    }

    @Override
    public String toString() {
        return nlri + " next-hop " + nextHop + " " + attributes.list();
    }
}
