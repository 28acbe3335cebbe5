// Netty's epoll event loops and the socket options of TCP-MD5 (RFC 2385) and GTSM (RFC 5082) the JDK cannot set.
package org.bgpekko.peer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.Inet6Address;
import java.net.InetAddress;
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

    /** The lowest TTL (hop limit) a socket accepts; 0 accepts any. */
    static void setMinTtl(Channel ch, SocketProtocolFamily family, int ttl) {
        check(ch.config().setOption(family == SocketProtocolFamily.INET6 ? IPV6_MINHOPCOUNT : IP_MINTTL, ttl),
                "incoming-ttl");
    }

    private static void check(boolean set, String what) {
        if (!set) {
            throw new IllegalStateException(what + ": the socket option was not accepted");
        }
    }
}
