package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.api.ApiMatch;
import dev.mcpgateway.llm.api.LlmApiRegistry;
import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.error.OpenAiErrorResponses;
import dev.mcpgateway.llm.policy.InboundDecision;
import dev.mcpgateway.llm.policy.LlmPolicies;
import io.micronaut.context.annotation.Executable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Handles a call routed by {@link LlmApiRoutes}: a path naming an operation goes to the {@link ProxyPipeline}, any
 * other path under an API is the OpenAI error envelope's 404. Bodies are taken as raw bytes so they can be forwarded
 * as received. No {@code @ExecuteOn}: a call stays on the event loop that received it (see
 * {@link ProxyPipeline#handle}); the answer completes the returned future.
 */
@Singleton
public class LlmApiEndpoint {

    private final LlmApiRegistry apis;
    private final ProxyPipeline pipeline;
    private final LlmPolicies policies;

    public LlmApiEndpoint(LlmApiRegistry apis, ProxyPipeline pipeline, LlmPolicies policies) {
        this.apis = apis;
        this.pipeline = pipeline;
        this.policies = policies;
    }

    @Executable
    public CompletableFuture<MutableHttpResponse<?>> call(HttpRequest<?> request, @Nullable @Body byte[] body) {
        ApiMatch match = apis.match(request.getPath()).orElse(null);
        if (match == null || !match.servesOperation()) {
            // null: the API was removed between routing and now
            return CompletableFuture.completedFuture(OpenAiErrorResponses.render(OpenAiError.notFound(
                    "This API serves no operation at this path.", "unknown_url")));
        }
        return pipeline.handle(match, request, body);
    }

    /**
     * A CORS preflight: the API's policies answer it (a {@code cors} policy), or it is refused as a method the
     * operation does not take. Nothing waits here: the preflight's policies hold no counter.
     */
    @Executable
    public MutableHttpResponse<?> preflight(HttpRequest<?> request) {
        ApiMatch match = apis.match(request.getPath()).orElse(null);
        InboundDecision decision = match == null || !match.servesOperation() ? InboundDecision.PROCEED
                : policies.preflight(match.api(), match.operation(), request);
        return switch (decision) {
            case InboundDecision.Respond answer -> PolicyAnswers.response(answer, Map.of());
            case InboundDecision.Refuse refused -> OpenAiErrorResponses.render(PolicyAnswers.error(refused),
                    refused.headers());
            case InboundDecision.Proceed proceed -> OpenAiErrorResponses.render(new OpenAiError(405,
                    "This path takes POST.", "invalid_request_error", null, "method_not_allowed"))
                    .header(HttpHeaders.ALLOW, "POST");
        };
    }
}
