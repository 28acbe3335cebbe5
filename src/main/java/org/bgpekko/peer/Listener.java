// Listener actor: binds exabgp.tcp.bind addresses on the BGP port and hands each accepted socket to its Peer.
package org.bgpekko.peer;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.io.TcpSO;
import org.apache.pekko.stream.javadsl.Tcp;
import org.bgpekko.wire.nlri.IpAddress;

public final class Listener {
    private Listener() {}

    /** Everything the Listener accepts. */
    public interface Command {}

    /** From now on connections from {@code address} go to {@code peer} (replaces an earlier registration). */
    public record Register(IpAddress address, ActorRef<Peer.Command> peer) implements Command {}

    /** Connections from {@code address} are refused again. */
    public record Unregister(IpAddress address) implements Command {}

    /** Reports the bound port of each address (useful with port 0). */
    public record GetBound(ActorRef<Bound> replyTo) implements Command {}

    /** The addresses actually listened on, host:port. */
    public record Bound(List<String> addresses) {}

    private record Accepted(Tcp.IncomingConnection connection) implements Command {}

    private record BindResult(String address, Tcp.ServerBinding binding, Throwable error) implements Command {}

    /**
     * Listens on every address of {@code bind} (exabgp.tcp.bind; empty: do not listen at all) on {@code port}.
     */
    public static Behavior<Command> create(List<String> bind, int port, Map<IpAddress, ActorRef<Peer.Command>> peers) {
        return Behaviors.setup(ctx -> {
            Map<IpAddress, ActorRef<Peer.Command>> byAddress = new HashMap<>(peers);
            Map<String, String> bound = new HashMap<>();
            for (String address : bind) {
                Tcp.get(ctx.getSystem()).bind(address, port, 100, List.of(TcpSO.tcpNoDelay(true)), false,
                        Optional.<Duration>empty())
                        .mapMaterializedValue(cs -> {
                            cs.whenComplete((b, e) -> ctx.getSelf().tell(new BindResult(address, b, e)));
                            return cs;
                        })
                        .runForeach(c -> ctx.getSelf().tell(new Accepted(c)), ctx.getSystem());
            }
            return Behaviors.receive(Command.class)
                    .onMessage(Register.class, r -> {
                        byAddress.put(r.address(), r.peer());
                        return Behaviors.same();
                    })
                    .onMessage(Unregister.class, u -> {
                        byAddress.remove(u.address());
                        return Behaviors.same();
                    })
                    .onMessage(GetBound.class, g -> {
                        g.replyTo().tell(new Bound(List.copyOf(bound.values())));
                        return Behaviors.same();
                    })
                    .onMessage(BindResult.class, r -> onBind(ctx, bound, r))
                    .onMessage(Accepted.class, a -> onAccepted(ctx, byAddress, a.connection()))
                    .build();
        });
    }

    private static Behavior<Command> onBind(ActorContext<Command> ctx, Map<String, String> bound, BindResult r) {
        if (r.error() != null) {
            ctx.getLog().error("could not listen on {}: {}", r.address(), r.error().getMessage());
        } else {
            var a = r.binding().localAddress();
            bound.put(r.address(), a.getAddress().getHostAddress() + ":" + a.getPort());
            ctx.getLog().info("listening on {}", bound.get(r.address()));
        }
        return Behaviors.same();
    }

    private static Behavior<Command> onAccepted(ActorContext<Command> ctx, Map<IpAddress, ActorRef<Peer.Command>> peers,
                                                Tcp.IncomingConnection c) {
        InetAddress remote = c.remoteAddress().getAddress();
        ActorRef<Peer.Command> peer = peers.get(IpAddress.of(remote));
        Transport.Incoming incoming = TcpTransport.incoming(c, ctx.getSystem());
        if (peer == null) {
            ctx.getLog().info("refusing a connection from {}: no neighbor with that address", c.remoteAddress());
            incoming.reject();
        } else {
            peer.tell(new Peer.Incoming(incoming));
        }
        return Behaviors.same();
    }
}
