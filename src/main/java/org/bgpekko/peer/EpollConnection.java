// One Netty epoll socket as a Peer drives it: the Connection contract of TcpTransport, on a Netty channel.
package org.bgpekko.peer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.util.ByteString;
import org.bgpekko.wire.Open;

/**
 * The channel does not read by itself (auto-read off): a read is asked for only when the Peer pulled and no decoded
 * message is waiting, so what waits here is at most one read's messages ({@link InboundDecoder}, as in the stream
 * stage of {@link TcpTransport}). Each decoded message goes to the Peer only after its pull, the first one too. A
 * write is reported {@code Peer.Written} once it was handed to the socket. When the peer closes, the messages read
 * before are still delivered, then {@code Peer.Closed}; on an error, {@code Peer.Closed} at once. {@link #close()}
 * flushes what was written, closes, and aborts (RST) after {@link TcpTransport#LINGER} if the peer does not read.
 * Every callback runs on the channel's event loop; the Peer's calls are handed to it.
 */
final class EpollConnection extends ChannelInboundHandlerAdapter implements Connection {
    private final long connId;
    private final ActorRef<Peer.Command> peer;
    private final InboundDecoder decoder;
    private final Channel channel;
    // event-loop confined
    private final ArrayDeque<InboundDecoder.Item> waiting = new ArrayDeque<>();
    private boolean demand;
    private boolean reading;
    private boolean ended;
    private boolean closedSent;
    private boolean closing;
    private String reason;

    EpollConnection(long connId, ActorRef<Peer.Command> peer, Open localOpen, Channel channel) {
        this.connId = connId;
        this.peer = peer;
        this.decoder = new InboundDecoder(localOpen);
        this.channel = channel;
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public void write(ByteString message) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(message.asByteBuffer())).addListener(f -> {
            if (f.isSuccess()) {
                peer.tell(new Peer.Written(connId));
            } // a failed write closes the channel: Peer.Closed follows
        });
    }

    @Override
    public void pull() {
        channel.eventLoop().execute(() -> {
            demand = true;
            deliver();
        });
    }

    @Override
    public void close() {
        channel.eventLoop().execute(() -> closing = true);
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(this::abort, TcpTransport.LINGER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes at once with a reset (what the peer did not read is dropped). */
    void abort() {
        if (channel.isOpen()) {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close();
        }
    }

    // ---- the channel's events (event loop)

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) { // an accepted connection the peer closed before its Peer attached it
            ended("connection closed by the peer");
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        buf.release();
        if (!ended) {
            waiting.addAll(decoder.feed(ByteString.fromArrayUnsafe(bytes)));
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        deliver();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (reason == null) {
            reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            waiting.clear(); // as a failed stream: the Peer hears of the failure at once
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ended(closing ? "connection closed" : "connection closed by the peer");
    }

    private void ended(String why) {
        if (!ended) {
            ended = true;
            reason = reason == null ? why : reason;
            deliver();
        }
    }

    /** One waiting message to the Peer if it pulled; the end once nothing waits; a read when needed. */
    private void deliver() {
        if (closedSent) {
            return;
        }
        if (demand && !waiting.isEmpty()) {
            demand = false;
            peer.tell(new Peer.Inbound(connId, waiting.poll()));
        }
        if (ended && waiting.isEmpty()) {
            closedSent = true;
            peer.tell(new Peer.Closed(connId, reason));
        } else if (demand && waiting.isEmpty() && !reading && !ended) {
            reading = true;
            channel.read();
        }
    }
}
