package dev.mcpgateway.llm.relay;

import dev.mcpgateway.auth.backend.CredentialUnavailableException;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendType;
import dev.mcpgateway.llm.config.LlmSettings;
import dev.mcpgateway.llm.route.Operation;
import dev.mcpgateway.llm.route.ProxyRequest;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Sends one request to one backend over HTTP/1.1 keep-alive connections owned by the event loop that received the
 * caller's request: the upstream call, its answer and the relay of that answer all run on one thread, with no
 * hand-off between threads. The backend's URL shape and credential, the caller's safe headers, the body bytes as
 * received. SSE answers come back as a live chunk stream; anything else is read whole, up to the response cap.
 */
@Context
public class UpstreamClient implements AutoCloseable {

    private final int connectTimeoutMillis;
    private final int maxResponseBytes;
    private final Optional<String> trustedCertificates;
    private final ExecutorService blocking;
    private final Map<PoolKey, ConnectionPool> pools = new ConcurrentHashMap<>();
    private volatile SslContext tls;
    private volatile EventLoopGroup ownLoops;

    public UpstreamClient(LlmSettings settings, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.getConnectTimeout().toMillis());
        this.maxResponseBytes = settings.getMaxResponseBytes();
        this.trustedCertificates = settings.getTrustedCertificates();
        this.blocking = blocking;
        if (trustedCertificates.isPresent()) {
            // read at start-up, so a wrong file stops the start naming the setting instead of failing the first call
            this.tls = BackendTrust.context(trustedCertificates);
        }
    }

    /**
     * Where a call's upstream I/O runs: the loop of the caller's connection when it came in through Netty (so its
     * socket type fits), else one of the client's own loops.
     */
    public UpstreamLoop loopFor(Object inbound) {
        if (inbound instanceof SocketChannel channel) {
            return new UpstreamLoop(channel.eventLoop(), channel.getClass());
        }
        return new UpstreamLoop(ownLoops().next(), NioSocketChannel.class);
    }

    /** The answer, or an {@link UpstreamFailure} (inside the future) when the backend gave none. */
    public CompletableFuture<UpstreamResponse> send(Backend backend, ProxyRequest request, byte[] body, UpstreamLoop loop) {
        if (backend.credential().mayBlock()) {
            // a credential that may have to be fetched (OAuth client credentials) is never fetched on the event loop
            return CompletableFuture.supplyAsync(() -> headers(backend, request, body), blocking)
                    .thenCompose(headers -> send(backend, request, headers, body, loop));
        }
        try {
            return send(backend, request, headers(backend, request, body), body, loop);
        } catch (CompletionException e) {
            return CompletableFuture.failedFuture(e.getCause());
        }
    }

    private CompletableFuture<UpstreamResponse> send(Backend backend, ProxyRequest request, HttpHeaders headers,
                                                     byte[] body, UpstreamLoop loop) {
        Origin origin = Origin.of(backend.url());
        headers.set("host", origin.hostHeader());
        ConnectionPool pool = pools.computeIfAbsent(new PoolKey(loop.loop(), origin), k ->
                new ConnectionPool(k.loop(), loop.channelType(), origin, origin.tls() ? tls() : null, connectTimeoutMillis));
        Exchange exchange = new Exchange(pool, backend.id(), target(backend, request), headers, body, backend.timeout(),
                maxResponseBytes);
        if (loop.loop().inEventLoop()) {
            exchange.start();
        } else {
            loop.loop().execute(exchange::start);
        }
        return exchange.result;
    }

    /** The caller's forwardable headers and the backend's credential (never the caller's). */
    private static HttpHeaders headers(Backend backend, ProxyRequest request, byte[] body) {
        HttpHeaders headers = new DefaultHttpHeaders();
        request.headers().forEach((name, values) -> {
            if (HeaderFilter.forwardUpstream(name)) {
                values.forEach(v -> headers.add(name, v));
            }
        });
        headers.set("content-length", body.length);
        try {
            backend.credential().apply(headers::set);
        } catch (CredentialUnavailableException e) {
            throw new CompletionException(new UpstreamFailure("credential", e));
        }
        return headers;
    }

    /** The path and query to call: Azure deployment paths, or below the OpenAI-compatible API root. */
    static String target(Backend backend, ProxyRequest request) {
        String base = backend.url().getRawPath() == null ? "" : backend.url().getRawPath();
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--;
        }
        base = base.substring(0, end);
        String deployment = backend.deployment() != null ? backend.deployment() : request.deployment();
        Operation op = request.operation();
        if (backend.type() == BackendType.AZURE_OPENAI) {
            String version = request.apiVersion() != null ? request.apiVersion() : backend.apiVersion();
            String path = op == Operation.RESPONSES
                    ? "/openai/responses"
                    : "/openai/deployments/" + encode(deployment) + "/" + op.path();
            return base + path + "?api-version=" + encode(version);
        }
        return base + "/" + op.path();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private SslContext tls() {
        SslContext context = tls;
        if (context == null) {
            synchronized (this) {
                if (tls == null) {
                    tls = BackendTrust.context(trustedCertificates);
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
                    ownLoops = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("llm-upstream", true),
                            NioIoHandler.newFactory());
                }
                group = ownLoops;
            }
        }
        return group;
    }

    @PreDestroy
    @Override
    public void close() {
        pools.values().forEach(ConnectionPool::closeIdle);
        EventLoopGroup group = ownLoops;
        if (group != null) {
            group.shutdownGracefully();
        }
    }

    /** An event loop and the socket type its transport uses. */
    public record UpstreamLoop(EventLoop loop, Class<? extends SocketChannel> channelType) {
    }

    private record PoolKey(EventLoop loop, Origin origin) {
    }
}
