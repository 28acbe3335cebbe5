// Netty epoll transport for neighbours with TCP-MD5 (RFC 2385) or GTSM (RFC 5082): options the JDK cannot set.
package org.bgpekko.peer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.bgpekko.config.TcpOptions;
import org.bgpekko.wire.Open;

/**
 * One per neighbour (its socket settings are the neighbour's): the outgoing socket gets the neighbour's MD5 key for
 * the peer's address before it connects, its outgoing TTL and its minimum incoming TTL. The connection behaves as
 * {@link TcpTransport}'s ({@link EpollConnection}).
 */
public final class EpollTransport implements Transport {
    /** Largest read handed to the decoder at once (as Pekko's Tcp reads). */
    static final int MAX_READ = 64 * 1024;

    private final TcpOptions tcp;

    public EpollTransport(TcpOptions tcp) {
        this.tcp = tcp;
    }

    @Override
    public Runnable connect(long connId, InetSocketAddress remote, Optional<InetSocketAddress> local, Duration timeout,
                            Open localOpen, ActorRef<Peer.Command> peer) {
        SocketProtocolFamily family = NativeSockets.family(remote.getAddress());
        Bootstrap b = new Bootstrap().group(NativeSockets.group())
                .channelFactory(() -> new EpollSocketChannel(family))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        configure(b);
        tcp.md5Key().ifPresent(key -> b.option(EpollChannelOption.TCP_MD5SIG, Map.of(remote.getAddress(),
                key.toArray())));
        EpollConnection[] connection = new EpollConnection[1];
        b.handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                NativeSockets.setTtls(ch, family, tcp); // before the SYN: GTSM applies to the handshake too
            }
        });
        ChannelFuture f = local.isPresent() ? b.connect(remote, local.get()) : b.connect(remote);
        f.addListener(done -> { // on the channel's event loop
            if (done.isSuccess()) {
                // added once connected (no read happens before the Peer's first pull): a close from now on is seen
                connection[0] = new EpollConnection(connId, peer, localOpen, f.channel());
                f.channel().pipeline().addLast(connection[0]);
                peer.tell(new Peer.Connected(connId, connection[0]));
            } else {
                f.channel().close(); // its descriptor, whatever the failure
                peer.tell(new Peer.ConnectFailed(connId, describe(done.cause())));
            }
        });
        return () -> {
            f.cancel(false);
            f.channel().eventLoop().execute(() -> {
                if (connection[0] != null) {
                    connection[0].abort();
                }
                f.channel().close();
            });
        };
    }

    /** The options of every BGP socket on the native transport: no Nagle, reads only when asked, bounded reads. */
    static void configure(Bootstrap b) {
        b.option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR,
                        new AdaptiveRecvByteBufAllocator(512, 16 * 1024, MAX_READ).maxMessagesPerRead(1));
    }

    /** A connection the native listener accepted, with its neighbour's TTL settings applied. */
    static Transport.Incoming incoming(Channel ch) {
        return new Transport.Incoming() {
            @Override
            public InetSocketAddress remoteAddress() {
                return (InetSocketAddress) ch.remoteAddress();
            }

            @Override
            public Connection attach(long connId, Open localOpen, ActorRef<Peer.Command> peer) {
                EpollConnection c = new EpollConnection(connId, peer, localOpen, ch);
                ch.pipeline().addLast(c);
                return c;
            }

            @Override
            public void reject() {
                ch.close();
            }
        };
    }

    static String describe(Throwable error) {
        return error == null ? "cancelled" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

}
