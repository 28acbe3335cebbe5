// Peer actor: one per neighbour; owns the TCP connection, the RFC 4271 FSM, timers and negotiated options.
package org.bgpekko.peer;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bgpekko.config.NeighborConfig;
import org.bgpekko.config.env.Settings;
import org.bgpekko.api.ApiGateway;
import org.bgpekko.rib.Rib;
import org.bgpekko.wire.Bytes;
import org.bgpekko.wire.Notification;

public final class Peer {
    private Peer() {}

    /**
     * Starts the FSM of one neighbour. It connects out at once (unless passive), reports {@code Rib.PeerUp} /
     * {@code Rib.PeerDown} to {@code rib}, and tells {@code parent} {@link Stopped} when it ran out of connection
     * attempts.
     */
    public static Behavior<Command> create(NeighborConfig config, Options options, Transport transport,
                                           ActorRef<Rib.Command> rib, ActorRef<Stopped> parent) {
        return create(config, options, transport, rib, parent, null);
    }

    /** As above, with the ApiGateway that gets this neighbour's events for the helpers (null: none). */
    public static Behavior<Command> create(NeighborConfig config, Options options, Transport transport,
                                           ActorRef<Rib.Command> rib, ActorRef<Stopped> parent,
                                           ActorRef<ApiGateway.Command> events) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new PeerFsm(ctx, timers, config, options, transport, rib, parent, events).start()));
    }

    /**
     * The environment a Peer follows.
     *
     * @param port the port to connect to when the neighbour has no {@code connect} port ({@code exabgp.tcp.port})
     * @param attempts outgoing connection attempts before the peer stops; 0 = unlimited ({@code exabgp.tcp.attempts})
     * @param passive every neighbour waits for the peer to connect ({@code exabgp.bgp.passive})
     * @param openWait seconds to wait for the peer's OPEN ({@code exabgp.bgp.openwait})
     * @param connectTimeout how long one TCP connect may take
     * @param softwareVersion the software-version capability text
     */
    public record Options(int port, int attempts, boolean passive, int openWait, Duration connectTimeout,
                          String softwareVersion) {
        /** ExaBGP's reading of the environment; the capability text is {@code ExaBGP/<exabgp_version>}. */
        public static Options of(Settings s, String defaultVersion) {
            Settings.Tcp tcp = s.tcp();
            return new Options(tcp.port(), tcp.attempts(), s.bgp().passive(), s.bgp().openwait(),
                    Duration.ofSeconds(5), "ExaBGP/" + s.version().orElse(defaultVersion));
        }
    }

    /** Everything a Peer accepts. */
    public interface Command {}

    /**
     * Complete, encoded BGP messages from the Rib for the session {@code generation}, written in order, each in
     * one write. When they are handed to the connection the Peer answers {@code Rib.SendDone}; the Rib sends
     * the next batch only then, so at most one batch per peer is in flight. Batches of an older generation are
     * dropped (and still answered, so the Rib never waits forever).
     */
    public record Send(long generation, List<Bytes> messages) implements Command {
        public Send {
            messages = List.copyOf(messages);
        }
    }

    /** The Rib processed a {@code Rib.Received} batch: the Peer may read more from the connection. */
    public record ReceivedAck(long generation) implements Command {}

    /**
     * Send Cease with this subcode and RFC 8203 text (empty: none), close, and reconnect within the attempt
     * limit (ExaBGP's {@code teardown N}).
     */
    public record Teardown(int subcode, String text) implements Command {}

    /**
     * Close the session with {@code notification} (sent even when graceful restart is configured) and keep it down:
     * no connection is opened and every incoming one is refused, for {@code downFor}, or until the Peer is replaced
     * (a restart, a reload that changes the neighbour) when it is null. The route server's max-prefix limit (RFC
     * 4486 Cease, subcode 1).
     */
    public record Disable(Notification notification, Duration downFor) implements Command {}

    /** Send Cease / Administrative Shutdown if established, close, stop for good; reply when it is done. */
    public record Shutdown(ActorRef<Stopped> replyTo) implements Command {}

    /** Reply to {@link Shutdown}, and the message to the guardian when a peer ran out of connection attempts. */
    public record Stopped(PeerId id) {}

    /** A connection the {@link Listener} accepted from this neighbour's address. */
    public record Incoming(Transport.Incoming connection) implements Command {}

    // ---- from the connection (package-private: the transports build them)

    /** The connection {@code connId} is up. */
    record Connected(long connId, Connection connection) implements Command {}

    /** The outgoing connection {@code connId} could not be opened. */
    record ConnectFailed(long connId, String reason) implements Command {}

    /** One decoded message (or the NOTIFICATION its decoding calls for) from connection {@code connId}. */
    record Inbound(long connId, InboundDecoder.Item item) implements Command {}

    /** The last write on {@code connId} was handed to the socket: the next may go. */
    record Written(long connId) implements Command {}

    /** The connection {@code connId} ended (peer closed, error, or our close completed). */
    record Closed(long connId, String reason) implements Command {}
}
