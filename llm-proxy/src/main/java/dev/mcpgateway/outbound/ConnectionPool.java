package dev.mcpgateway.outbound;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.ArrayDeque;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Idle keep-alive connections to one origin, owned by one event loop. Every method runs on that loop (callers
 * hop onto it first), so the pool needs no locks, and a connection's I/O never leaves the loop that accepted the
 * caller's request.
 */
final class ConnectionPool {

    /** Idle connections kept per loop and origin; more are closed when they come back. */
    static final int MAX_IDLE = 256;
    /** Status line and header block limits: generous (APIs send large cookies and link headers), still bounded. */
    private static final int MAX_STATUS_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 64 * 1024;
    /** Body pieces handed over at once; larger means fewer messages for large answers. */
    private static final int MAX_CHUNK = 64 * 1024;

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();

    ConnectionPool(EventLoop loop, Class<? extends SocketChannel> channelType, Origin origin, SslContext tls,
                   int connectTimeoutMillis) {
        this.loop = loop;
        this.bootstrap = new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .remoteAddress(origin.host(), origin.port())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            SSLEngine engine = tls.newEngine(ch.alloc(), origin.host(), origin.port());
                            SSLParameters parameters = engine.getSSLParameters();
                            parameters.setEndpointIdentificationAlgorithm("HTTPS");
                            engine.setSSLParameters(parameters);
                            ch.pipeline().addLast(new SslHandler(engine));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(MAX_STATUS_LINE, MAX_HEADERS, MAX_CHUNK))
                                .addLast(new ExchangeHandler());
                    }
                });
    }

    EventLoop loop() {
        return loop;
    }

    /** Hands {@code then} a live connection (reused = true when it came from the pool) or the connect failure. */
    void acquire(boolean fresh, Acquired then) {
        while (!fresh && !idle.isEmpty()) {
            Channel channel = idle.pollFirst();
            if (channel.isActive()) {
                then.accept(channel, true, null);
                return;
            }
        }
        ChannelFuture connect = bootstrap.connect();
        connect.addListener(f -> {
            if (f.isSuccess()) {
                Channel channel = connect.channel();
                channel.closeFuture().addListener(closed -> idle.remove(channel));
                then.accept(channel, false, null);
            } else {
                then.accept(null, false, f.cause());
            }
        });
    }

    /** A connection whose exchange ended cleanly goes back (most recently used first); otherwise it is closed. */
    void release(Channel channel, boolean reusable) {
        if (reusable && channel.isActive() && idle.size() < MAX_IDLE) {
            channel.config().setAutoRead(true); // a stream may have paused it; idle, it must notice a close
            idle.addFirst(channel);
        } else {
            channel.close();
        }
    }

    /** At shutdown: idle connections are closed (on the loop, which owns the deque). */
    void closeIdle() {
        if (!loop.isShuttingDown()) {
            loop.execute(() -> idle.forEach(Channel::close));
        }
    }

    /** What {@link #acquire} hands over. */
    interface Acquired {
        void accept(Channel channel, boolean reused, Throwable failure);
    }
}
