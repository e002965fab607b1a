package dev.mcpgateway.llm.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request to one backend over a pooled connection, on the connection's event loop: writes the request, reads
 * the status and headers, then either collects the whole body (capped, within the backend's timeout) or hands over a
 * live {@link UpstreamStream} for SSE. A connection taken from the pool that turns out to be closed before any byte
 * of the answer is replaced once by a fresh one (the backend cannot have seen the request).
 */
final class Exchange {

    private enum Phase { CONNECTING, HEAD, BODY, STREAM, DONE }

    private final ConnectionPool pool;
    private final String backendId;
    private final String target;
    private final HttpHeaders requestHeaders;
    private final byte[] requestBody;
    private final Duration timeout;
    private final int maxResponseBytes;
    final CompletableFuture<UpstreamResponse> result = new CompletableFuture<>();

    private Phase phase = Phase.CONNECTING;
    private Channel channel;
    private boolean reused;
    private boolean keepAlive;
    private ScheduledFuture<?> deadline;
    private int status;
    private java.net.http.HttpHeaders headers;
    private byte[] body;
    private int size;
    private UpstreamStream stream;

    Exchange(ConnectionPool pool, String backendId, String target, HttpHeaders requestHeaders, byte[] requestBody,
             Duration timeout, int maxResponseBytes) {
        this.pool = pool;
        this.backendId = backendId;
        this.target = target;
        this.requestHeaders = requestHeaders;
        this.requestBody = requestBody;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Starts the exchange; must run on the pool's loop. */
    void start() {
        deadline = pool.loop().schedule(() -> fail(new UpstreamFailure("timeout", null)),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        pool.acquire(false, this::send);
    }

    private void send(Channel acquired, boolean fromPool, Throwable failure) {
        if (phase == Phase.DONE) {
            if (acquired != null) {
                pool.release(acquired, true);
            }
            return;
        }
        if (failure != null) {
            fail(new UpstreamFailure(failure instanceof ConnectException ? "connect" : "io", failure));
            return;
        }
        channel = acquired;
        reused = fromPool;
        phase = Phase.HEAD;
        ExchangeHandler.of(channel).attach(this);
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target,
                Unpooled.wrappedBuffer(requestBody), requestHeaders, EmptyHttpHeaders.INSTANCE);
        Channel writing = channel;
        writing.writeAndFlush(request).addListener(written -> {
            // a late failure of a connection already replaced is not this exchange's any more
            if (!written.isSuccess() && channel == writing) {
                onFailure(written.cause());
            }
        });
    }

    void onMessage(Object message) {
        if (message instanceof HttpResponse response) {
            head(response);
        }
        if (message instanceof HttpContent content && phase != Phase.DONE) {
            boolean last = content instanceof LastHttpContent;
            if (phase == Phase.STREAM) {
                stream.onContent(ByteBufUtil.getBytes(content.content()));
                if (last) {
                    end(true);
                    stream.onEnd(null);
                }
            } else if (phase == Phase.BODY) {
                append(content.content());
                if (last && phase == Phase.BODY) {
                    end(true);
                    result.complete(new UpstreamResponse(backendId, status, headers,
                            size == body.length ? body : Arrays.copyOf(body, size), null, timeout));
                }
            }
        }
    }

    private void head(HttpResponse response) {
        if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            return;
        }
        status = response.status().code();
        keepAlive = HttpUtil.isKeepAlive(response);
        headers = javaHeaders(response.headers());
        String type = response.headers().get("content-type", "");
        if (type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
            phase = Phase.STREAM;
            deadline.cancel(false);
            stream = new UpstreamStream(channel.eventLoop(), this, timeout.toNanos());
            result.complete(new UpstreamResponse(backendId, status, headers, null, stream, timeout));
        } else {
            phase = Phase.BODY;
            long length = HttpUtil.getContentLength(response, -1L);
            body = new byte[length >= 0 && length <= maxResponseBytes ? (int) length : 1024];
        }
    }

    private void append(ByteBuf content) {
        int n = content.readableBytes();
        if (size + n > maxResponseBytes) {
            fail(new UpstreamFailure("too_large", null));
            return;
        }
        if (size + n > body.length) {
            body = Arrays.copyOf(body, Math.min(maxResponseBytes, Math.max(size + n, body.length * 2)));
        }
        content.getBytes(content.readerIndex(), body, size, n);
        size += n;
    }


    void onFailure(Throwable cause) {
        if (phase == Phase.HEAD && reused) {
            // a pooled connection the backend had already closed: nothing was answered, try once on a new one
            ExchangeHandler.of(channel).detach(this);
            channel.close();
            phase = Phase.CONNECTING;
            pool.acquire(true, this::send);
            return;
        }
        if (phase == Phase.STREAM) {
            end(false);
            stream.onEnd(cause);
            return;
        }
        fail(cause instanceof UpstreamFailure f ? f : new UpstreamFailure("io", cause));
    }

    /** The stream's subscriber went away, or the stream stalled: the connection cannot be reused. */
    void abandon() {
        end(false);
    }

    /**
     * Stops or resumes reading the backend's stream. Connections read on their own otherwise: asking for each read
     * costs two selector updates per answer, measurable at thousands of calls a second.
     */
    void reading(boolean on) {
        if (phase == Phase.STREAM) {
            channel.config().setAutoRead(on);
        }
    }

    private void fail(UpstreamFailure failure) {
        if (phase == Phase.DONE) {
            return;
        }
        end(false);
        result.completeExceptionally(failure);
    }

    private void end(boolean clean) {
        if (phase == Phase.DONE) {
            return;
        }
        phase = Phase.DONE;
        deadline.cancel(false);
        if (channel != null) {
            ExchangeHandler.of(channel).detach(this);
            pool.release(channel, clean && keepAlive);
        }
    }

    /** Header names in lower case, grouped: the form the JDK's header type (used by the relay) accepts. */
    private static java.net.http.HttpHeaders javaHeaders(HttpHeaders netty) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : netty) {
            map.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(h.getValue());
        }
        return java.net.http.HttpHeaders.of(map, (name, value) -> true);
    }
}
