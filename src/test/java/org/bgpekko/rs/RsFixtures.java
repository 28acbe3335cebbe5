// Route-server clients for tests: configurations, sessions, and UPDATEs built and decoded as a Peer decodes them.
package org.bgpekko.rs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.api.ApiLine;
import org.bgpekko.api.ApiParseException;
import org.bgpekko.api.ApiParser;
import org.bgpekko.api.ApiTranslator;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.peer.PeerId;
import org.bgpekko.peer.Session;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Family;
import org.bgpekko.wire.MessageCodec;
import org.bgpekko.wire.Open;
import org.bgpekko.wire.SessionOptions;
import org.bgpekko.wire.Update;
import org.bgpekko.wire.UpdatePacker;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;
import org.bgpekko.wire.nlri.InetNlri;
import org.bgpekko.wire.nlri.IpAddress;
import org.bgpekko.wire.nlri.Nlri;
import org.bgpekko.wire.nlri.NlriBlock;

final class RsFixtures {
    /** The output lines of one show command (all its parts), selected as the line's selectors say; answered done. */
    static List<String> show(ActorTestKit kit, ActorRef<Rib.Command> rib, String text) {
        ApiLine line;
        try {
            line = ApiParser.parse(text);
        } catch (ApiParseException e) {
            throw new AssertionError(e);
        }
        Rib.ApiInput translated = ApiTranslator.translate("lg", text, line);
        TestProbe<Rib.ApiApplied> helper = kit.createTestProbe();
        rib.tell(new Rib.ApiBatch("lg", List.of(new Rib.ApiInput(text, line::matches, translated.operation())),
                helper.getRef()));
        List<String> out = new ArrayList<>();
        while (true) {
            Rib.ApiApplied a = helper.receiveMessage(Duration.ofSeconds(5));
            a.outcomes().forEach(o -> out.addAll(o.output()));
            if (a.complete()) {
                if (!a.outcomes().get(a.outcomes().size() - 1).ok()) {
                    throw new AssertionError(text + " answered error: " + a.outcomes());
                }
                return out;
            }
            rib.tell(new Rib.ApiMore("lg"));
        }
    }

    /**
     * The clients of a route-server section over general.yml and clients.yml in {@code dir} (plus {@code section}'s
     * settings), each up with both unicast families and its first End-of-RIBs read, on {@code rib}.
     */
    static List<RsClientProbe> sectionClients(ActorTestKit kit, ActorRef<Rib.Command> rib, Path dir, String section)
            throws IOException {
        return sectionClients(kit, rib, dir, "local-address 127.0.0.1; family { ipv4 unicast; ipv6 unicast; }",
                section);
    }

    /** As above, with {@code template} the settings of the template every client inherits. */
    static List<RsClientProbe> sectionClients(ActorTestKit kit, ActorRef<Rib.Command> rib, Path dir, String template,
            String section) throws IOException {
        Path conf = dir.resolve("rs.conf");
        Files.writeString(conf, "template { neighbor c { " + template + " } }\nroute-server { general general.yml; "
                + "clients clients.yml; template c; " + section + "}\n");
        List<NeighborConfig> n = ConfigParser.parse(conf).neighbors();
        List<RsClientProbe> c = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            c.add(new RsClientProbe(kit, rib, i + 1, n.get(i)));
        }
        for (RsClientProbe x : c) {
            x.up(options());
            x.await(t -> t.endOfRibs == 2);
        }
        return c;
    }

    /** Hands {@code rib} the neighbours parsed from {@code conf} again, as the guardian does on a reload. */
    static void reload(ActorRef<Rib.Command> rib, Path conf) {
        List<NeighborConfig> n = ConfigParser.parse(conf).neighbors();
        rib.tell(new Rib.PeersConfigured(n.stream().map(x -> new Rib.PeerConfigured(PeerId.of(x), x)).toList()));
    }

    static final long SERVER_AS = 64500;
    static final List<Family> BOTH = List.of(Family.IPV4_UNICAST, Family.IPV6_UNICAST);

    private RsFixtures() {}

    /** Client number {@code i} (1..): peer 127.0.0.1i, AS 6451i, router id 10.0.0.i; {@code extra} inside. */
    static NeighborConfig client(int i, String extra) {
        String conf = "neighbor 127.0.0." + (10 + i) + " { router-id 127.0.0.1; local-address 127.0.0.1;"
                + " local-as " + SERVER_AS + "; peer-as " + (64510 + i) + "; passive true; route-server-client true;"
                + " family { ipv4 unicast; ipv6 unicast; } " + extra + " }";
        return ConfigParser.parse(Path.of("rs.conf"), conf).neighbors().get(0);
    }

    /** The options a session with client {@code i} negotiates; ADD-PATH send for {@code addPathSend}. */
    static SessionOptions options(Family... addPathSend) {
        return SessionOptions.DEFAULT.withAddPath(Set.of(), Set.of(addPathSend)).withExternalPeer(true)
                .withFamilies(Set.copyOf(BOTH));
    }

    static Session session(NeighborConfig n, int i, long generation, SessionOptions options) {
        Open sent = new Open(4, (int) SERVER_AS, 180, 0x7F000001L, List.of());
        Open received = new Open(4, (int) n.peerAs(), 180, 0x0A000000L + i, List.of());
        return new Session(PeerId.of(n), generation, options, BOTH, n.localAddress(), n.peerAddress(), SERVER_AS,
                n.peerAs(), sent, received);
    }

    /** Attributes of a client's route: ORIGIN IGP, AS_PATH {@code path}, NEXT_HOP (IPv4) and {@code more}. */
    static PathAttributes attributes(String nextHop, List<Long> path, PathAttribute... more) {
        List<PathAttribute> list = new ArrayList<>();
        list.add(Origin.IGP);
        list.add(AsPath.sequence(path.toArray(new Long[0])));
        IpAddress nh = org.bgpekko.wire.nlri.IpPrefix.parse(nextHop + (nextHop.contains(":") ? "/128" : "/32"))
                .address();
        if (nh.isIpv4()) {
            list.add(new NextHop(nh));
        }
        list.addAll(Arrays.asList(more));
        return new PathAttributes(list);
    }

    /** The UPDATEs announcing {@code prefixes} (one family) as a peer writes them, decoded as the server does. */
    static List<Update> announce(PathAttributes attributes, Bytes mpNextHop, String... prefixes) {
        List<Nlri> nlri = Arrays.stream(prefixes).map(p -> (Nlri) InetNlri.of(p)).toList();
        NlriBlock block = NlriBlock.of(nlri.get(0).family(), false, nlri);
        return decode(UpdatePacker.announce(attributes, mpNextHop, block, SessionOptions.DEFAULT,
                UpdatePacker.UNLIMITED));
    }

    static List<Update> withdraw(String... prefixes) {
        List<Nlri> nlri = Arrays.stream(prefixes).map(p -> (Nlri) InetNlri.of(p)).toList();
        NlriBlock block = NlriBlock.of(nlri.get(0).family(), false, nlri);
        return decode(UpdatePacker.withdraw(PathAttributes.EMPTY, block, SessionOptions.DEFAULT,
                UpdatePacker.UNLIMITED));
    }

    private static List<Update> decode(List<byte[]> messages) {
        SessionOptions server = options();
        return messages.stream().map(m -> (Update) MessageCodec.decode(m, server)).toList();
    }
}
