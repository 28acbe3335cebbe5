// The TCP-MD5 keys and TTLs the native listening sockets hold, and whether an accepted connection was checked by them.
package org.bgpekko.peer;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.bgpekko.config.TcpOptions;
import org.bgpekko.wire.nlri.IpAddress;

/**
 * What a native listening socket is bound with (docs/decisions.md D-MD5L): the MD5 key of every neighbour address that
 * has one, and the minimum and outgoing TTL over all neighbours.
 */
record NativeSettings(Map<InetAddress, byte[]> keys, int minTtl, int ttl) {

    /** The settings of neighbours by address ({@code byPeer}) and of every registration ({@code all}). */
    static NativeSettings of(Map<IpAddress, TcpOptions> byPeer, List<TcpOptions> all) {
        return new NativeSettings(NativeListener.keys(byPeer), NativeListener.minTtl(all), NativeListener.maxTtl(all));
    }

    /**
     * The settings one peer address gets when two neighbours share it ({@code a} may be null): the one with an MD5
     * key, since the kernel keeps one key per peer address; {@code differ} is run when both have different keys.
     */
    static TcpOptions merge(TcpOptions a, TcpOptions b, Runnable differ) {
        if (a == null) {
            return b;
        }
        if (!a.md5Key().equals(b.md5Key())) {
            differ.run();
        }
        return b.md5Key().isPresent() ? b : a;
    }

    /**
     * Why a connection for a neighbour with settings {@code tcp} must not become a session, or null when it came through
     * a socket that enforced them: with an MD5 key, only a listening socket that held that key before it listened (the
     * kernel checked every segment of the handshake); with GTSM, a native socket. Another was accepted unchecked: a
     * Pekko socket's, or an older native socket's whose handshake the kernel may have completed before the key existed
     * (a reload that gave the neighbour a password, or a new one).
     */
    static String refusal(TcpOptions tcp, InetSocketAddress remoteAddress, Channel nativeChannel) {
        if (tcp.md5Key().isPresent() && !NativeListener.signedWith(nativeChannel, remoteAddress.getAddress(),
                tcp.md5Key().get().toArray())) {
            return "its listening socket did not hold its MD5 key when the handshake was completed";
        }
        if (nativeChannel == null && tcp.needsNativeSocket()) {
            return "it was accepted before the listening sockets enforced its TTL settings";
        }
        return null;
    }
}
