// A whole exchange in one JVM: the real route server (guardian, Rib, Peers, ApiGateway) and simulated members.
package org.bgpekko.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.api.HelperLauncher;
import org.bgpekko.app.BgpSpeaker;
import org.bgpekko.config.ConfigParser;
import org.bgpekko.config.Configuration;
import org.bgpekko.config.env.Settings;
import org.bgpekko.peer.Peer;
import org.bgpekko.wire.attribute.AsPath;
import org.bgpekko.wire.attribute.AsPathSegment;
import org.bgpekko.wire.attribute.NextHop;
import org.bgpekko.wire.attribute.Origin;
import org.bgpekko.wire.attribute.PathAttribute;
import org.bgpekko.wire.attribute.PathAttributes;

/**
 * Built with {@link #builder()}: the route server's configuration (ExaBGP's language) gets one neighbour per member,
 * {@code inherit}ing a template ({@link #DEFAULT_TEMPLATE} unless the configuration has its own), and runs as
 * {@code bgpekko run} would run it, with the members on in-memory links and its helpers in-JVM. Nothing runs between
 * calls: {@link #advance} runs everything due within the given virtual time, on the calling thread.
 */
public final class Simulation implements AutoCloseable {
    /** The template every member's neighbour inherits when the configuration has none named {@code member}. */
    public static final String DEFAULT_TEMPLATE = """
            template {
                neighbor member {
                    router-id 10.255.255.254;
                    local-address 10.255.255.254;
                    local-as 64500;
                    hold-time 90;
                    route-server-client true;
                    family { ipv4 unicast; }
                }
            }
            """;

    final SimLoop loop;
    final EventLog log;
    final long latencyNanos;
    final boolean logUpdates;
    final InetSocketAddress serverAddress;
    final long seed;
    /** Prefixes, attribute sets and decoded UPDATEs the members share. */
    final RouteIndex routes = new RouteIndex();
    private final ActorSystem<SpawnProtocol.Command> system;
    private final ActorRef<BgpSpeaker.Command> speaker;
    private final Map<String, SimMember> members = new LinkedHashMap<>();
    private final Map<String, SimHelper> helpers = new HashMap<>();
    private final Configuration configuration;
    private final List<UpdateListener> listeners = new ArrayList<>();

    /** Told of every UPDATE a member received (the scenario runner's progress and plot). */
    public interface UpdateListener {
        void updated(SimMember member);
    }

    private Simulation(Builder b) throws UnknownHostException {
        this.loop = SimLoop.create();
        this.log = new EventLog(loop);
        this.seed = b.seed;
        this.latencyNanos = b.latency.toNanos();
        this.logUpdates = b.logUpdates;
        if (b.events != null) {
            log.writeTo(b.events);
        }
        this.serverAddress = new InetSocketAddress(InetAddress.getByName("10.255.255.254"), 179);
        String text = b.configText(this);
        this.configuration = ConfigParser.parse(b.configFile, text);
        Map<InetAddress, SimMember> byAddress = new HashMap<>();
        for (MemberSpec m : b.members) {
            SimMember sm = new SimMember(this, m.name, m.asn, InetAddress.getByName(m.address), m.holdTime);
            members.put(m.name, sm);
            byAddress.put(sm.address(), sm);
        }
        Settings settings = Settings.defaults();
        Peer.Options options = new Peer.Options(179, 0, false, settings.bgp().openwait(), Duration.ofSeconds(5),
                "bgpekko-sim");
        SimTransport transport = new SimTransport(loop, byAddress, latencyNanos, serverAddress);
        HelperLauncher helperLauncher = SimHelper.launcher(this, b.helpers);
        BgpSpeaker.PeerFactory peers = (neighbor, rib, parent, events) -> Behaviors.setup(ctx -> {
            SimMember m = byAddress.get(neighbor.peerAddress().toInetAddress());
            if (m != null) {
                m.serverPeer(ctx.getSelf(), neighbor.passive());
            }
            return Peer.create(neighbor, options, transport, rib, parent, events);
        });
        BgpSpeaker.Parts parts = new BgpSpeaker.Parts() {
            @Override
            public HelperLauncher helpers() {
                return helperLauncher;
            }
        };
        this.system = SimSystem.create(loop, "sim");
        log.log(log.event("start").put("seed", seed).put("members", members.size()));
        Configuration initial = configuration;
        this.speaker = SimSystem.spawn(loop, system, BgpSpeaker.create(initial, () -> initial, peers,
                settings.api(), parts, null), "speaker");
        for (MemberSpec m : b.members) {
            if (!m.routes.isEmpty()) {
                members.get(m.name).announceAll(m.routes);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ running

    /** Runs everything due within the next {@code d} of virtual time. */
    public void advance(Duration d) {
        loop.runUntil(loop.nanos() + d.toNanos());
    }

    /** Runs until virtual time {@code t} (from the start). */
    public void runUntil(Duration t) {
        loop.runUntil(Math.max(loop.nanos(), t.toNanos()));
    }

    /** Virtual time since the start. */
    public Duration now() {
        return Duration.ofNanos(loop.nanos());
    }

    /** Runs {@code action} at virtual time {@code at} (from the start) on the simulation's thread. */
    public void at(Duration at, Runnable action) {
        loop.after(Math.max(0, at.toNanos() - loop.nanos()), action);
    }

    /** The route server re-reads its configuration (SIGHUP's reload); here the same one. */
    public void reload() {
        logEvent("reload");
        speaker.tell(new BgpSpeaker.Reload());
    }

    // ------------------------------------------------------------------ looking

    public SimMember member(String name) {
        SimMember m = members.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no member " + name);
        }
        return m;
    }

    public List<SimMember> members() {
        return Collections.unmodifiableList(new ArrayList<>(members.values()));
    }

    /** The running incarnation of helper {@code name} (null before it started). */
    public SimHelper helper(String name) {
        return helpers.get(name);
    }

    public EventLog log() {
        return log;
    }

    public Configuration configuration() {
        return configuration;
    }

    /** Tasks that reached the loop from another thread since the start (0 when the run is repeatable). */
    public long foreignPosts() {
        return loop.foreignPosts();
    }

    public void onUpdate(UpdateListener l) {
        listeners.add(l);
    }

    @Override
    public void close() {
        log.close();
        system.terminate();
        loop.runUntil(loop.nanos() + Duration.ofSeconds(60).toNanos());
        loop.close();
    }

    // ------------------------------------------------------------------ for the members and helpers

    void updateReceived(SimMember m) {
        for (UpdateListener l : listeners) {
            l.updated(m);
        }
    }

    void helperStarted(String name, SimHelper h) {
        helpers.put(name, h);
    }

    /** Logs an event with its fields as name, value pairs. */
    void logEvent(String event, Object... fields) {
        ObjectNode n = log.event(event);
        for (int i = 0; i < fields.length; i += 2) {
            n.putPOJO((String) fields[i], fields[i + 1]);
        }
        log.log(n);
    }

    /** A virtual duration as scenarios write it: 250ms, 30s, 2m, 1h, or a number of seconds. */
    public static Duration duration(String text) {
        return Durations.parse(text);
    }

    /** ORIGIN IGP, AS_PATH of {@code m}'s AS then {@code more}, NEXT_HOP {@code m}'s address. */
    public static PathAttributes path(SimMember m, long... more) {
        List<Long> asns = new ArrayList<>();
        asns.add(m.asn());
        for (long a : more) {
            asns.add(a);
        }
        List<PathAttribute> a = new ArrayList<>();
        a.add(Origin.IGP);
        a.add(new AsPath(List.of(new AsPathSegment(AsPathSegment.AS_SEQUENCE, asns))));
        a.add(NextHop.of(m.address().getHostAddress()));
        return new PathAttributes(a);
    }

    // ------------------------------------------------------------------ building

    /** The address of the {@code i}-th member (from 1): 10.0.0.1, 10.0.0.2, ... */
    static String memberAddress(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    record MemberSpec(String name, long asn, String address, int holdTime, Map<Long, PathAttributes> routes) {}

    /** What a simulation is made of; {@link #start()} starts it. */
    public static final class Builder {
        private long seed = 1;
        private Duration latency = Duration.ofMillis(1);
        private boolean logUpdates = true;
        private Writer events;
        private Path configFile = Path.of("simulation.conf");
        private String config = "";
        private String template = "member";
        private final List<MemberSpec> members = new ArrayList<>();
        private final Map<String, List<SimHelper.Step>> helpers = new LinkedHashMap<>();

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** One-way delay of every member's link (default 1 ms). */
        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /** Log each UPDATE a member receives (default); off for very large runs. */
        public Builder logUpdates(boolean on) {
            this.logUpdates = on;
            return this;
        }

        /** Writes the event log (JSON lines) here as it is made. */
        public Builder events(Writer out) {
            this.events = out;
            return this;
        }

        /**
         * The route server's configuration (ExaBGP's language): templates, processes, neighbours of its own.
         * {@code file} is the name errors give (file:line:column).
         */
        public Builder config(Path file, String text) {
            this.configFile = file;
            this.config = text;
            return this;
        }

        /** The template each member's neighbour inherits (default {@code member}). */
        public Builder template(String name) {
            this.template = name;
            return this;
        }

        /** A member with the next free address (10.0.0.1, 10.0.0.2, ...). */
        public Builder member(String name, long asn) {
            return member(name, asn, memberAddress(members.size() + 1), 90, Map.of());
        }

        Builder member(String name, long asn, String address, int holdTime, Map<Long, PathAttributes> routes) {
            for (MemberSpec m : members) {
                if (m.name.equals(name)) {
                    throw new IllegalArgumentException("member " + name + " is defined twice");
                }
            }
            members.add(new MemberSpec(name, asn, address, holdTime, routes));
            return this;
        }

        /** A helper for the configuration's {@code process name}: its script in virtual time from its start. */
        public Builder helper(String name, List<SimHelper.Step> script) {
            helpers.put(name, List.copyOf(script));
            return this;
        }

        public Simulation start() {
            try {
                return new Simulation(this);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        /** The configuration, the default template if it has no template of that name, a neighbour per member. */
        String configText(Simulation sim) {
            StringBuilder t = new StringBuilder(config);
            boolean hasTemplate = config.matches("(?s).*\\bneighbor\\s+" + java.util.regex.Pattern.quote(template)
                    + "\\s*\\{.*");
            if (!hasTemplate) {
                if (!template.equals("member")) {
                    throw new IllegalArgumentException("the configuration has no template neighbor " + template);
                }
                t.append('\n').append(DEFAULT_TEMPLATE);
            }
            for (MemberSpec m : members) {
                t.append("neighbor ").append(m.address).append(" { inherit ").append(template).append("; peer-as ")
                        .append(m.asn).append("; description \"").append(m.name).append("\"; }\n");
            }
            return t.toString();
        }
    }
}
