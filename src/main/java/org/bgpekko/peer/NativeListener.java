// The Listener's epoll server sockets: the MD5 key of every neighbour that has one, and GTSM's minimum TTL.
package org.bgpekko.peer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bgpekko.config.TcpOptions;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * Linux keeps TCP-MD5 keys per peer address on the listening socket (TCP_MD5SIG) and copies them to the sockets it
 * accepts: a SYN from an address with a key and no (or a wrong) signature is dropped by the kernel, unanswered.
 * IP_MINTTL, by contrast, is one value for the whole socket: the listener drops SYNs below the lowest
 * {@code incoming-ttl} of all neighbours (none, when one neighbour has no incoming-ttl); each accepted socket then
 * gets its own neighbour's value. The kernel answers a SYN (SYN-ACK) from the listening socket, before bgpekko knows
 * the connection: that socket sends with the highest {@code outgoing-ttl} of all neighbours, so a peer running GTSM
 * accepts the handshake; each accepted socket then gets its own neighbour's. The keys are set before {@code listen()}
 * and never changed: the kernel checks a signature when a segment arrives, so a handshake it completed before a key was
 * set stays in the accept queue unsigned; the Listener binds a new socket for new keys instead ({@link #KEYS}). Sockets
 * accept only when asked ({@code next}), one connection at a time; a socket the Listener does not take within
 * {@link Listener#HAND_OVER_TIMEOUT} (it failed on it) is closed and the next is accepted.
 */
final class NativeListener {
    private NativeListener() {}

    /** An accepted socket, and how to ask for the next one. */
    record Accepted(Channel channel, Runnable next) {}

    /**
     * The MD5 keys a server socket held before it listened: it never gets others (a change of keys binds a new
     * socket), so a connection it accepted from an address with a key here was signed with that key from its SYN on.
     */
    static final AttributeKey<Map<InetAddress, byte[]>> KEYS = AttributeKey.valueOf("bgpekko.md5-keys");

    /**
     * Binds {@code address:port} with these MD5 keys and TTLs set before {@code listen()} (in the channel's factory:
     * before Netty registers and binds it); {@code onAccepted} gets each accepted socket (on an event loop),
     * {@code onBound} the server socket or the failure. Nothing is accepted before the first {@code server.read()}.
     */
    static void bind(String address, int port, Map<InetAddress, byte[]> keys, int minTtl, int ttl,
                     Consumer<Accepted> onAccepted, BiConsumer<Channel, Throwable> onBound) {
        InetAddress host;
        try {
            host = InetAddress.getByName(address);
        } catch (Exception e) {
            onBound.accept(null, e);
            return;
        }
        SocketProtocolFamily family = NativeSockets.family(host);
        new ServerBootstrap().group(NativeSockets.group())
                .channelFactory(() -> {
                    EpollServerSocketChannel server = new EpollServerSocketChannel(family);
                    try {
                        server.config().setOption(EpollChannelOption.TCP_MD5SIG, keys);
                        setTtls(server, family, host, minTtl, ttl);
                    } catch (RuntimeException e) {
                        server.unsafe().closeForcibly();
                        throw e; // the bind fails: never a listening socket without the keys
                    }
                    server.attr(KEYS).set(Map.copyOf(keys));
                    return server;
                })
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.SO_BACKLOG, 100)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new ServerChannelRecvByteBufAllocator().maxMessagesPerRead(1))
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR,
                        new AdaptiveRecvByteBufAllocator(512, 16 * 1024, EpollTransport.MAX_READ).maxMessagesPerRead(1))
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        Channel server = ch.parent();
                        AtomicBoolean asked = new AtomicBoolean();
                        Runnable next = () -> {
                            if (asked.compareAndSet(false, true)) {
                                server.read();
                            }
                        };
                        // the Listener failed on this socket (it never asks for the next): lose it, accept on
                        ch.eventLoop().schedule(() -> {
                            if (!asked.get()) {
                                ch.close();
                                next.run();
                            }
                        }, Listener.HAND_OVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                        onAccepted.accept(new Accepted(ch, next));
                    }
                })
                .bind(new InetSocketAddress(host, port))
                .addListener(f -> onBound.accept(f.isSuccess() ? ((ChannelFuture) f).channel() : null,
                        f.cause()));
    }

    /** The TCP-MD5 keys by peer address of these neighbours' settings (a later one wins a conflict). */
    static Map<InetAddress, byte[]> keys(Map<IpAddress, TcpOptions> byPeer) {
        Map<InetAddress, byte[]> keys = new HashMap<>();
        byPeer.forEach((peer, tcp) -> tcp.md5Key().ifPresent(k -> keys.put(peer.toInetAddress(), k.toArray())));
        return keys;
    }

    /** The lowest incoming TTL of all these neighbours; 0 (any) if one has none, or there is none. */
    static int minTtl(Collection<TcpOptions> all) {
        return all.isEmpty() ? 0 : all.stream().mapToInt(TcpOptions::incomingTtl).min().orElse(0);
    }

    /** The highest outgoing TTL of all these neighbours; 0 (the system's default) if none has one. */
    static int maxTtl(Collection<TcpOptions> all) {
        return all.stream().mapToInt(TcpOptions::outgoingTtl).max().orElse(0);
    }

    /**
     * Sets the minimum TTL and the TTL of the handshake of a listening socket (on its event loop: in place, as a
     * lowered or raised TTL opens no path around TCP-MD5); {@code onDone} is told once they are set, or why not (then
     * the socket is closed: it must not accept the neighbours with the wrong TTLs).
     */
    static void applyTtls(Channel server, int minTtl, int ttl, Consumer<Throwable> onDone) {
        server.eventLoop().execute(() -> {
            try {
                InetSocketAddress local = (InetSocketAddress) server.localAddress();
                setTtls(server, NativeSockets.family(local.getAddress()), local.getAddress(), minTtl, ttl);
                onDone.accept(null);
            } catch (RuntimeException e) {
                server.close();
                onDone.accept(e);
            }
        });
    }

    private static void setTtls(Channel server, SocketProtocolFamily family, InetAddress local, int minTtl, int ttl) {
        NativeSockets.setListening(server, family, minTtl, ttl);
        if (family == SocketProtocolFamily.INET6 && local.isAnyLocalAddress()) {
            try { // IPv4 peers on a dual-stack socket
                NativeSockets.setListening(server, SocketProtocolFamily.INET, minTtl, ttl);
            } catch (RuntimeException e) {
                // an IPv6-only socket: no IPv4 peer reaches it
            }
        }
    }

    /** Whether two sets of keys are the same (the same addresses, the same key bytes). */
    static boolean sameKeys(Map<InetAddress, byte[]> a, Map<InetAddress, byte[]> b) {
        return a.size() == b.size() && a.entrySet().stream()
                .allMatch(e -> b.containsKey(e.getKey()) && Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    /**
     * Whether this accepted socket's listening socket held {@code key} for {@code remote} before it listened, i.e.
     * whether the kernel checked the handshake's signatures with it: false for a Pekko socket (null).
     */
    static boolean signedWith(Channel accepted, InetAddress remote, byte[] key) {
        if (accepted == null || accepted.parent() == null) {
            return false;
        }
        Map<InetAddress, byte[]> keys = accepted.parent().attr(KEYS).get();
        return keys != null && Arrays.equals(keys.get(remote), key);
    }
}
