package dev.mcpgateway.llm.relay;

import dev.mcpgateway.auth.backend.CredentialUnavailableException;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendType;
import dev.mcpgateway.llm.config.LlmSettings;
import dev.mcpgateway.llm.route.Operation;
import dev.mcpgateway.llm.route.ProxyRequest;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends one request to one backend with the JDK HTTP client (HTTP/1.1, pooled connections): the backend's URL shape
 * and credential, the caller's safe headers, the body bytes as received. SSE answers come back as a live chunk
 * stream; anything else is read whole, up to the response cap.
 */
@Singleton
public class UpstreamClient implements AutoCloseable {

    private final HttpClient http;
    private final int maxResponseBytes;

    public UpstreamClient(LlmSettings settings) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // response handling runs on the client's selector thread: every subscriber we use is non-blocking
                // (a capped collector, or the SSE publisher feeding Reactor and Netty), and it saves a thread hop
                .executor(Runnable::run)
                .build();
        this.maxResponseBytes = settings.getMaxResponseBytes();
    }

    public UpstreamResponse send(Backend backend, ProxyRequest request, byte[] body) throws UpstreamFailure {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target(backend, request))
                .timeout(backend.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, values) -> {
            if (HeaderFilter.forwardUpstream(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        try {
            backend.credential().apply(builder);
        } catch (CredentialUnavailableException e) {
            throw new UpstreamFailure("credential", e);
        }
        HttpResponse<UpstreamBody> response;
        try {
            response = http.send(builder.build(), info -> isEventStream(info)
                    ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofPublisher(), UpstreamBody::stream)
                    : HttpResponse.BodySubscribers.mapping(new CappedBody(maxResponseBytes), UpstreamBody::buffered));
        } catch (HttpTimeoutException e) {
            throw new UpstreamFailure("timeout", e);
        } catch (ConnectException e) {
            throw new UpstreamFailure("connect", e);
        } catch (IOException e) {
            throw new UpstreamFailure(e.getCause() instanceof CappedBody.TooLarge ? "too_large" : "io", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure("io", e);
        }
        UpstreamBody upstream = response.body();
        if (upstream.stream() != null) {
            return new UpstreamResponse(backend.id(), response.statusCode(), response.headers(), null, upstream.stream(),
                    backend.timeout());
        }
        return new UpstreamResponse(backend.id(), response.statusCode(), response.headers(), upstream.body(),
                null, backend.timeout());
    }

    /** The backend URL for this call: Azure deployment paths or the OpenAI-compatible API root. */
    static URI target(Backend backend, ProxyRequest request) {
        String base = backend.url().toString().replaceAll("/+$", "");
        String deployment = backend.deployment() != null ? backend.deployment() : request.deployment();
        Operation op = request.operation();
        if (backend.type() == BackendType.AZURE_OPENAI) {
            String version = request.apiVersion() != null ? request.apiVersion() : backend.apiVersion();
            String path = op == Operation.RESPONSES
                    ? "/openai/responses"
                    : "/openai/deployments/" + encode(deployment) + "/" + op.path();
            return URI.create(base + path + "?api-version=" + encode(version));
        }
        return URI.create(base + "/" + op.path());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean isEventStream(HttpResponse.ResponseInfo info) {
        return info.headers().firstValue("content-type")
                .map(v -> v.toLowerCase(Locale.ROOT).startsWith("text/event-stream"))
                .orElse(false);
    }

    @PreDestroy
    @Override
    public void close() {
        http.close();
    }

    /** Either a live stream or the whole body, picked from the response's content type. */
    record UpstreamBody(java.util.concurrent.Flow.Publisher<java.util.List<java.nio.ByteBuffer>> stream, byte[] body) {
        static UpstreamBody stream(java.util.concurrent.Flow.Publisher<java.util.List<java.nio.ByteBuffer>> p) {
            return new UpstreamBody(p, null);
        }

        static UpstreamBody buffered(byte[] body) {
            return new UpstreamBody(null, body);
        }
    }
}
