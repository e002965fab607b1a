package dev.mcpgateway.llm.relay;

import dev.mcpgateway.auth.backend.CredentialUnavailableException;
import dev.mcpgateway.auth.backend.OutboundRequest;
import dev.mcpgateway.llm.api.Operation;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendType;
import dev.mcpgateway.llm.config.LlmSettings;
import dev.mcpgateway.llm.route.ProxyRequest;
import dev.mcpgateway.outbound.AnswerRules;
import dev.mcpgateway.outbound.Origin;
import dev.mcpgateway.outbound.OutboundAnswer;
import dev.mcpgateway.outbound.OutboundCall;
import dev.mcpgateway.outbound.OutboundClient;
import dev.mcpgateway.outbound.OutboundFailure;
import dev.mcpgateway.outbound.OutboundLoop;
import dev.mcpgateway.outbound.OutboundSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Sends one request to one LLM backend through the gateway's {@link OutboundClient}, on the event loop that received
 * the caller's request: the backend's URL shape and credential, the caller's safe headers, the body bytes as
 * received. SSE answers come back as a live chunk stream; anything else is read whole, up to the response cap (a
 * longer answer is a failure, never relayed cut).
 */
@Context
public class UpstreamClient implements AutoCloseable {

    /** Named in the start-up error when the PEM file cannot be read. */
    static final String TRUST_SETTING = "llm.trusted-certificates";

    private final OutboundClient client;
    private final int maxResponseBytes;
    private final ExecutorService blocking;

    public UpstreamClient(LlmSettings settings, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.client = new OutboundClient(new OutboundSettings(settings.getConnectTimeout(),
                settings.getTrustedCertificates(), TRUST_SETTING, "llm-upstream"));
        this.maxResponseBytes = settings.getMaxResponseBytes();
        this.blocking = blocking;
    }

    /** Where a call's upstream I/O runs: see {@link OutboundClient#loopFor}. */
    public OutboundLoop loopFor(Object inbound) {
        return client.loopFor(inbound);
    }

    /** The answer, or an {@link OutboundFailure} (inside the future) when the backend gave none. */
    public CompletableFuture<UpstreamResponse> send(Backend backend, ProxyRequest request, byte[] body, OutboundLoop loop) {
        Duration timeout = request.timeout() == null ? backend.timeout() : request.timeout();
        if (backend.credential().mayBlock()) {
            // a credential that may have to be fetched (OAuth client credentials) is never fetched on the event loop
            return CompletableFuture.supplyAsync(() -> prepare(backend, request), blocking)
                    .thenCompose(prepared -> send(backend, prepared, body, loop, timeout));
        }
        try {
            return send(backend, prepare(backend, request), body, loop, timeout);
        } catch (CompletionException e) {
            return CompletableFuture.failedFuture(e.getCause());
        }
    }

    /** Where the call goes on the backend (path and query) and the headers it carries. */
    private record Prepared(String target, HttpHeaders headers) {
    }

    /** @param timeout the backend's, or the one the call's policies gave it */
    private CompletableFuture<UpstreamResponse> send(Backend backend, Prepared prepared, byte[] body,
                                                     OutboundLoop loop, Duration timeout) {
        OutboundCall call = new OutboundCall("POST", Origin.of(backend.url()), prepared.target(), prepared.headers(),
                body);
        AnswerRules rules = new AnswerRules(timeout, maxResponseBytes, AnswerRules.OverCap.FAIL, true);
        return client.send(call, rules, loop).thenApply(answer -> response(backend, answer, timeout));
    }

    private static UpstreamResponse response(Backend backend, OutboundAnswer answer, Duration timeout) {
        return new UpstreamResponse(backend.id(), answer.status(),
                java.net.http.HttpHeaders.of(answer.headers(), (name, value) -> true), answer.body(), answer.stream(),
                timeout);
    }

    /**
     * The caller's forwardable headers as the policies left them, and the backend's credential (never the caller's):
     * a credential header replaces a header of that name, a credential query parameter is added to the target.
     */
    private static Prepared prepare(Backend backend, ProxyRequest request) {
        HttpHeaders headers = new DefaultHttpHeaders();
        request.headers().forEach((name, values) -> {
            // the API's own key header may have any name: it goes no further than the standard ones
            if (HeaderFilter.forwardUpstream(name) && !request.api().subscriptionKeyParameterNames().isKeyHeader(name)) {
                values.forEach(v -> headers.add(name, v));
            }
        });
        request.policyHeaders().forEach((name, values) -> {
            headers.remove(name);
            if (HeaderFilter.forwardUpstream(name)) {
                values.forEach(v -> headers.add(name, v));
            }
        });
        OutboundRequest credential;
        try {
            credential = backend.credential().apply(new OutboundRequest(URI.create(target(backend, request)),
                    List.of()));
        } catch (CredentialUnavailableException e) {
            throw new CompletionException(new OutboundFailure("credential", e));
        }
        Set<String> replaced = new HashSet<>();
        for (Map.Entry<String, String> header : credential.headers()) {
            if (replaced.add(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.set(header.getKey(), header.getValue());
            } else {
                headers.add(header.getKey(), header.getValue());
            }
        }
        return new Prepared(credential.uri().toString(), headers);
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

    @PreDestroy
    @Override
    public void close() {
        client.close();
    }
}
