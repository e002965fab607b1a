package dev.mcpgateway.llm.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.api.ApiMatch;
import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.Operation;
import dev.mcpgateway.llm.balance.Pool;
import dev.mcpgateway.llm.cache.CacheKey;
import dev.mcpgateway.llm.cache.ResponseCache;
import dev.mcpgateway.llm.config.LlmSettings;
import dev.mcpgateway.llm.consumer.Consumer;
import dev.mcpgateway.llm.consumer.ConsumerResolver;
import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import dev.mcpgateway.llm.error.OpenAiErrorResponses;
import dev.mcpgateway.llm.metrics.TokenMetricDimensions;
import dev.mcpgateway.llm.metrics.TokenMetrics;
import dev.mcpgateway.llm.policy.CacheSettings;
import dev.mcpgateway.llm.policy.CallPolicies;
import dev.mcpgateway.llm.policy.InboundDecision;
import dev.mcpgateway.llm.policy.LlmCall;
import dev.mcpgateway.llm.policy.LlmPolicies;
import dev.mcpgateway.llm.relay.Dispatcher;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import dev.mcpgateway.llm.usage.IncludeUsage;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One proxied call end to end: size cap, body parse, consumer, routing, the call's inbound policies ({@link
 * LlmPolicies}: token limits, metric dimensions...), cache lookup, the backend policies, dispatch to the pool (again
 * when they retry it), response relay and accounting, which completes the policies. Every refusal is an OpenAI error
 * envelope; unexpected faults are logged and answered without internal detail.
 */
@Singleton
public class ProxyPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyPipeline.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LlmSettings settings;
    private final RouteTable routes;
    private final Dispatcher dispatcher;
    private final ConsumerResolver consumers;
    private final Affinity affinity;
    private final LlmPolicies policies;
    private final CacheSettings cacheSettings;
    private final BeanProvider<ResponseCache> cache;
    private final BeanProvider<TokenMetrics> metrics;
    private final PromptTokenEstimator estimator;
    private final ExecutorService blocking;

    public ProxyPipeline(LlmSettings settings, RouteTable routes, Dispatcher dispatcher, ConsumerResolver consumers,
                         Affinity affinity, LlmPolicies policies, CacheSettings cacheSettings,
                         BeanProvider<ResponseCache> cache, BeanProvider<TokenMetrics> metrics,
                         PromptTokenEstimator estimator, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.settings = settings;
        this.routes = routes;
        this.dispatcher = dispatcher;
        this.consumers = consumers;
        this.affinity = affinity;
        this.policies = policies;
        this.cacheSettings = cacheSettings;
        this.cache = cache;
        this.metrics = metrics;
        this.estimator = estimator;
        this.blocking = blocking;
    }

    /**
     * Runs on the event loop that received the call, which also runs the upstream call and relays its answer. Only
     * steps that may wait on the network leave it, per call: checking a gateway access token, and policies that may
     * wait (token counters in Redis) or the cache run on a virtual thread.
     */
    public CompletableFuture<MutableHttpResponse<?>> handle(ApiMatch match, HttpRequest<?> http, byte[] bytes) {
        long start = System.nanoTime();
        CompletableFuture<MutableHttpResponse<?>> response;
        try {
            response = consumers.mayBlock(match.api(), http)
                    ? CompletableFuture.supplyAsync(() -> proxy(match, http, bytes, start, true), blocking)
                            .thenCompose(Function.identity())
                    : proxy(match, http, bytes, start, false);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        return response.exceptionally(failure -> refusal(failure, http));
    }

    private static MutableHttpResponse<?> refusal(Throwable failure, HttpRequest<?> http) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (e instanceof OpenAiErrorException refused) {
            return OpenAiErrorResponses.render(refused.error(), refused.headers());
        }
        LOG.error("LLM proxy fault on {}", http.getPath(), e);
        return OpenAiErrorResponses.render(new OpenAiError(500,
                "The gateway failed to process the request.", "api_error", null, "internal_error"));
    }

    private CompletableFuture<MutableHttpResponse<?>> proxy(ApiMatch match, HttpRequest<?> http, byte[] bytes,
                                                             long start, boolean mayBlock) {
        if (bytes != null && bytes.length > settings.getMaxBodyBytes()) {
            throw new OpenAiErrorException(new OpenAiError(413, "The request body exceeds the limit of "
                    + settings.getMaxBodyBytes() + " bytes.", "invalid_request_error", null, "request_too_large"));
        }
        RequestBody body = RequestBody.parse(bytes);
        LlmApi api = match.api();
        Operation operation = match.operation();
        boolean azure = match.deployment() != null;
        String deployment = azure ? match.deployment() : body.model();
        if (deployment == null || deployment.isBlank()) {
            throw new OpenAiErrorException(OpenAiError.invalidRequest(
                    "You must provide a model parameter.", "model", "missing_model"));
        }
        String client = http.getRemoteAddress().getAddress().getHostAddress();
        Consumer consumer = consumers.resolve(api, http, deployment, client);
        // an API that names its backend sends every deployment there; otherwise the route table decides
        Optional<String> target = api.backendId() != null ? Optional.of(api.backendId()) : routes.target(deployment);
        Pool pool = target.flatMap(dispatcher::pool).orElseThrow(() -> new OpenAiErrorException(
                OpenAiError.notFound(azure
                        ? "The API deployment for this resource does not exist."
                        : "The model '" + deployment + "' does not exist or you do not have access to it.",
                        azure ? "DeploymentNotFound" : "model_not_found")));

        boolean caching = cacheSettings.appliesTo(deployment);
        // the tree is needed to ask a stream for its usage and to key the cache; an estimate parses on its own if need be
        JsonNode json = body.stream() || caching ? tree(body.bytes()) : null;
        PromptEstimate estimate = new PromptEstimate(estimator, json, body.bytes(), deployment);
        CallPolicies applied = policies.of(new LlmCall(api, operation, deployment, consumer, http, body.stream(),
                estimate));
        Routed call = new Routed(api, operation, http, body, json, estimate, deployment, client, consumer, pool,
                applied, caching, start);
        if (call.hasBlockingSteps() && !mayBlock) {
            // counters and cache may sit in Redis: the rest of the call goes on on a virtual thread, where waiting is fine
            return CompletableFuture.supplyAsync(() -> admitAndSend(call), blocking).thenCompose(Function.identity());
        }
        return admitAndSend(call);
    }

    /** What the cheap first steps found out about a call: who calls, where it goes, what applies to it. */
    private record Routed(LlmApi api, Operation operation, HttpRequest<?> http, RequestBody body, JsonNode json,
                          PromptEstimate estimate, String deployment, String client, Consumer consumer, Pool pool,
                          CallPolicies policies, boolean caching, long start) {
        boolean hasBlockingSteps() {
            return policies.mayBlock() || caching;
        }
    }

    /** The inbound policies, the cache lookup, then the dispatch: on a virtual thread when one of them may wait. */
    private CompletableFuture<MutableHttpResponse<?>> admitAndSend(Routed call) {
        CallPolicies applied = call.policies();
        InboundDecision decision = inbound(applied);
        Optional<TokenMetrics> meters = metrics.find(null);
        TokenMetricDimensions dims = dimensions(call, meters, applied);
        if (decision instanceof InboundDecision.Refuse refused) {
            applied.complete(refused.status(), 0);
            if (PolicyAnswers.isLimit(refused)) {
                meters.ifPresent(m -> m.policyRateLimited(dims));
            }
            throw new OpenAiErrorException(PolicyAnswers.error(refused), refused.headers());
        }
        if (decision instanceof InboundDecision.Respond answer) {
            applied.complete(answer.status(), 0);
            return CompletableFuture.completedFuture(PolicyAnswers.response(answer, applied.responseHeaders()));
        }
        HttpRequest<?> http = call.http();
        RequestBody body = call.body();
        JsonNode json = call.json();
        boolean caching = call.caching();
        CacheKey key = caching ? CacheKey.of(partition(call.consumer()), call.deployment(), json) : null;
        CallAccounting accounting = new CallAccounting(applied, meters, dims, caching ? cache.get() : null, key,
                cacheSettings.getTtl(), call.hasBlockingSteps() ? blocking : Runnable::run);
        try {
            if (key != null) {
                var hit = cache.get().get(key);
                if (hit.isPresent()) {
                    accounting.release(hit.get().status());
                    MutableHttpResponse<?> cached = ResponseWriter.cached(hit.get());
                    PolicyAnswers.addHeaders(accounting.responseHeaders(), cached);
                    return CompletableFuture.completedFuture(cached);
                }
            }
            RequestBody forwarded = body;
            boolean addedUsage = false;
            if (body.stream() && json instanceof ObjectNode node) {
                // changed in place: the cache key is already taken and the prompt estimate ignores stream_options
                addedUsage = IncludeUsage.ensure(node);
                if (addedUsage) {
                    forwarded = new RequestBody(bytes(node), body.model(), true);
                }
            }
            InboundDecision backend = applied.backend();
            if (!(backend instanceof InboundDecision.Proceed)) {
                return answered(backend, accounting);
            }
            ProxyRequest request = new ProxyRequest(call.api(), call.operation(), call.deployment(),
                    http.getParameters().get("api-version"), forwarded, http.getHeaders(), call.client(),
                    applied.requestHeaders(), applied.forwardTimeout());
            Affinity.Key affinityKey = affinity.key(call.pool(), http);
            CompletableFuture<RetriedDispatch.Outcome> dispatched = RetriedDispatch.dispatch(dispatcher, call.pool(),
                    request, affinityKey.value(), inboundChannel(http), applied);
            return Relay.send(dispatched, request, accounting, estimator, call.estimate(), addedUsage, call.start())
                    .thenApply(response -> {
                        affinityKey.newCookie().ifPresent(response::cookie);
                        return response;
                    });
        } catch (RuntimeException e) {
            accounting.failed(e);
            throw e;
        }
    }

    /** The backend policies refused the call, or answered it in place of the backend. */
    private static CompletableFuture<MutableHttpResponse<?>> answered(InboundDecision decision,
                                                                      CallAccounting accounting) {
        if (decision instanceof InboundDecision.Refuse refused) {
            accounting.release(refused.status());
            throw new OpenAiErrorException(PolicyAnswers.error(refused), refused.headers());
        }
        InboundDecision.Respond answer = (InboundDecision.Respond) decision;
        accounting.release(answer.status());
        return CompletableFuture.completedFuture(PolicyAnswers.response(answer, accounting.responseHeaders()));
    }

    /** Runs the inbound policies; a policy that fails still completes the call, so nothing it reserved stays held. */
    private static InboundDecision inbound(CallPolicies applied) {
        try {
            return applied.inbound();
        } catch (RuntimeException e) {
            applied.complete(500, 0);
            throw e;
        }
    }

    /** The token metrics' dimensions of the call, with the values its policies gave. */
    private static TokenMetricDimensions dimensions(Routed call, Optional<TokenMetrics> meters, CallPolicies applied) {
        Consumer consumer = call.consumer();
        TokenMetricDimensions base = new TokenMetricDimensions(call.api().id(), call.operation().metricLabel(),
                call.deployment(), consumer.productId(), consumer.subscriptionId(), consumer.ownerId(), null,
                call.client(), Map.of());
        return meters.map(m -> m.withPolicyLabels(base, applied.metricLabels())).orElse(base);
    }

    /** The caller's connection, whose event loop will also run the upstream call. */
    private static Object inboundChannel(HttpRequest<?> http) {
        return http instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().channel() : null;
    }

    /** The cache partition: the subscription, or for anonymous callers their address (never shared). */
    private static String partition(Consumer consumer) {
        return consumer.isAnonymous() ? "ip:" + consumer.clientAddress() : "sub:" + consumer.subscriptionId();
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new OpenAiErrorException(OpenAiError.invalidRequest("The request body is not valid JSON.", null, "invalid_json"));
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
