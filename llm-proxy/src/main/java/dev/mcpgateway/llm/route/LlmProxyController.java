package dev.mcpgateway.llm.route;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.concurrent.CompletableFuture;

/**
 * The OpenAI-style ({@code /v1/...}, model in the body) and Azure OpenAI-style ({@code /openai/deployments/{id}/...})
 * routes. Bodies are taken as raw bytes so they can be forwarded as received. No {@code @ExecuteOn}: a call stays on
 * the event loop that received it (see {@link ProxyPipeline#handle}); the answer completes the returned future.
 */
@Controller
public class LlmProxyController {

    private final ProxyPipeline pipeline;

    public LlmProxyController(ProxyPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Post(uri = "/v1/chat/completions", consumes = MediaType.ALL, produces = MediaType.ALL)
    CompletableFuture<MutableHttpResponse<?>> chat(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return pipeline.handle(Operation.CHAT_COMPLETIONS, null, request, body);
    }

    @Post(uri = "/v1/completions", consumes = MediaType.ALL, produces = MediaType.ALL)
    CompletableFuture<MutableHttpResponse<?>> completions(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return pipeline.handle(Operation.COMPLETIONS, null, request, body);
    }

    @Post(uri = "/v1/embeddings", consumes = MediaType.ALL, produces = MediaType.ALL)
    CompletableFuture<MutableHttpResponse<?>> embeddings(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return pipeline.handle(Operation.EMBEDDINGS, null, request, body);
    }

    @Post(uri = "/v1/responses", consumes = MediaType.ALL, produces = MediaType.ALL)
    CompletableFuture<MutableHttpResponse<?>> responses(HttpRequest<?> request, @Nullable @Body byte[] body) {
        return pipeline.handle(Operation.RESPONSES, null, request, body);
    }

    @Post(uri = "/openai/deployments/{deployment}/chat/completions", consumes = MediaType.ALL, produces = MediaType.ALL)
    CompletableFuture<MutableHttpResponse<?>> azureChat(@PathVariable String deployment, HttpRequest<?> request, @Nullable @Body byte[] body) {
        return pipeline.handle(Operation.CHAT_COMPLETIONS, deployment, request, body);
    }

    @Post(uri = "/openai/deployments/{deployment}/completions", consumes = MediaType.ALL, produces = MediaType.ALL)
    CompletableFuture<MutableHttpResponse<?>> azureCompletions(@PathVariable String deployment, HttpRequest<?> request, @Nullable @Body byte[] body) {
        return pipeline.handle(Operation.COMPLETIONS, deployment, request, body);
    }

    @Post(uri = "/openai/deployments/{deployment}/embeddings", consumes = MediaType.ALL, produces = MediaType.ALL)
    CompletableFuture<MutableHttpResponse<?>> azureEmbeddings(@PathVariable String deployment, HttpRequest<?> request, @Nullable @Body byte[] body) {
        return pipeline.handle(Operation.EMBEDDINGS, deployment, request, body);
    }
}
