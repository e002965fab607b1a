package dev.mcpgateway.outbound;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's one HTTP client for backends (LLM backends, REST APIs behind tools): raw Netty, HTTP/1.1
 * keep-alive connections pooled per event loop and origin, TLS with host-name verification, a deadline per
 * exchange, a response cap, and back-pressure for relayed event streams. An exchange runs on the event loop that
 * received the caller's request when there is one, so reading the call, calling the backend and answering happen on
 * one thread; calls that did not come in through Netty use the client's own loop.
 *
 * <p>No redirects, no compression, no HTTP/2, no outbound proxy (see ADR 0503).
 */
public final class OutboundClient implements AutoCloseable {

    private final OutboundSettings settings;
    private final int connectTimeoutMillis;
    private final Map<PoolKey, ConnectionPool> pools = new ConcurrentHashMap<>();
    private volatile SslContext tls;
    private volatile EventLoopGroup ownLoops;

    public OutboundClient(OutboundSettings settings) {
        this.settings = settings;
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
        if (settings.trustedCertificates().isPresent()) {
            // read at start-up, so a wrong file stops the start naming the setting instead of failing the first call
            this.tls = OutboundTrust.context(settings.trustedCertificates(), settings.trustSetting());
        }
    }

    /**
     * Where a call's I/O runs: the loop of the caller's connection when it came in through Netty (so its socket type
     * fits), else one of the client's own loops.
     */
    public OutboundLoop loopFor(Object inbound) {
        if (inbound instanceof SocketChannel channel) {
            return new OutboundLoop(channel.eventLoop(), channel.getClass());
        }
        return new OutboundLoop(ownLoops().next(), NioSocketChannel.class);
    }

    /**
     * Sends one request. The answer, or an {@link OutboundFailure} (inside the future) when the backend gave none.
     * Cancelling the future ends the exchange and closes its connection.
     */
    public CompletableFuture<OutboundAnswer> send(OutboundCall call, AnswerRules rules, OutboundLoop loop) {
        EventLoop eventLoop = loop.loop();
        ConnectionPool pool = pools.computeIfAbsent(new PoolKey(eventLoop, call.origin()), k ->
                new ConnectionPool(eventLoop, loop.channelType(), k.origin(), k.origin().tls() ? tls() : null,
                        connectTimeoutMillis));
        Exchange exchange = new Exchange(pool, call, rules);
        if (eventLoop.inEventLoop()) {
            exchange.start();
        } else {
            eventLoop.execute(exchange::start);
        }
        return exchange.result;
    }

    private SslContext tls() {
        SslContext context = tls;
        if (context == null) {
            synchronized (this) {
                if (tls == null) {
                    tls = OutboundTrust.context(settings.trustedCertificates(), settings.trustSetting());
                }
                context = tls;
            }
        }
        return context;
    }

    private EventLoopGroup ownLoops() {
        EventLoopGroup group = ownLoops;
        if (group == null) {
            synchronized (this) {
                if (ownLoops == null) {
                    ownLoops = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(settings.threadName(), true),
                            NioIoHandler.newFactory());
                }
                group = ownLoops;
            }
        }
        return group;
    }

    @Override
    public void close() {
        pools.values().forEach(ConnectionPool::closeIdle);
        EventLoopGroup group = ownLoops;
        if (group != null) {
            group.shutdownGracefully();
        }
    }

    private record PoolKey(EventLoop loop, Origin origin) {
    }
}
