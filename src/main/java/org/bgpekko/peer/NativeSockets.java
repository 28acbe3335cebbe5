// Netty's epoll event loops and the socket options of TCP-MD5 (RFC 2385) and GTSM (RFC 5082) the JDK cannot set.
package org.bgpekko.peer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.bgpekko.config.TcpOptions;

final class NativeSockets {
    private NativeSockets() {}

    private static final int IPPROTO_IP = 0;
    private static final int IPPROTO_IPV6 = 41;
    /** Linux's values (include/uapi/linux/in.h, in6.h). */
    static final IntegerUnixChannelOption IP_TTL = new IntegerUnixChannelOption("IP_TTL", IPPROTO_IP, 2);
    static final IntegerUnixChannelOption IP_MINTTL = new IntegerUnixChannelOption("IP_MINTTL", IPPROTO_IP, 21);
    static final IntegerUnixChannelOption IPV6_UNICAST_HOPS =
            new IntegerUnixChannelOption("IPV6_UNICAST_HOPS", IPPROTO_IPV6, 16);
    static final IntegerUnixChannelOption IPV6_MINHOPCOUNT =
            new IntegerUnixChannelOption("IPV6_MINHOPCOUNT", IPPROTO_IPV6, 73);

    private static EventLoopGroup group;

    /**
     * The event loops of every native socket of the process, started on first use: as many threads as cores, daemon
     * threads (the JVM's exit does not wait for them; every socket is closed by its Peer or Listener before).
     */
    static synchronized EventLoopGroup group() {
        if (group == null) {
            group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                    new DefaultThreadFactory("bgpekko-epoll", true), EpollIoHandler.newFactory());
        }
        return group;
    }

    static SocketProtocolFamily family(InetAddress a) {
        return a instanceof Inet6Address ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    }

    /** Sets the TTL (hop limit) of sent packets and the lowest TTL accepted, when configured (0: left as it is). */
    static void setTtls(Channel ch, SocketProtocolFamily family, TcpOptions tcp) {
        ChannelConfig c = ch.config();
        boolean v6 = family == SocketProtocolFamily.INET6;
        if (tcp.outgoingTtl() > 0) {
            check(c.setOption(v6 ? IPV6_UNICAST_HOPS : IP_TTL, tcp.outgoingTtl()), "outgoing-ttl");
        }
        if (tcp.incomingTtl() > 0) {
            check(c.setOption(v6 ? IPV6_MINHOPCOUNT : IP_MINTTL, tcp.incomingTtl()), "incoming-ttl");
        }
    }

    /**
     * What an accepted socket gets for its neighbour: the TTL settings, and its MD5 key again. The listening socket's
     * keys sign the handshake, but a connection the kernel completed before the Listener installed them (at start)
     * would otherwise run unauthenticated: with the key on the socket, every segment from now on must be signed.
     */
    static void setAccepted(Channel ch, TcpOptions tcp) {
        InetSocketAddress remote = (InetSocketAddress) ch.remoteAddress();
        setTtls(ch, family(remote.getAddress()), tcp);
        tcp.md5Key().ifPresent(key -> ch.config().setOption(EpollChannelOption.TCP_MD5SIG,
                Map.of(remote.getAddress(), key.toArray())));
    }

    /**
     * A listening socket's lowest TTL (hop limit) accepted (0 accepts any) and the TTL of what it sends (0: the
     * system's default: -1 for the kernel).
     */
    static void setListening(Channel ch, SocketProtocolFamily family, int minTtl, int ttl) {
        boolean v6 = family == SocketProtocolFamily.INET6;
        check(ch.config().setOption(v6 ? IPV6_MINHOPCOUNT : IP_MINTTL, minTtl), "incoming-ttl");
        check(ch.config().setOption(v6 ? IPV6_UNICAST_HOPS : IP_TTL, ttl > 0 ? ttl : -1),
                "outgoing-ttl");
    }

    private static void check(boolean set, String what) {
        if (!set) {
            throw new IllegalStateException(what + ": the socket option was not accepted");
        }
    }
}
