package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.balance.Pool;
import dev.mcpgateway.llm.config.LlmSettings;
import dev.mcpgateway.llm.consumer.Consumer;
import dev.mcpgateway.llm.consumer.ConsumerResolver;
import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import dev.mcpgateway.llm.error.OpenAiErrorResponses;
import dev.mcpgateway.llm.relay.Dispatcher;
import dev.mcpgateway.llm.relay.UpstreamResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One proxied call end to end: size cap, body parse, routing, consumer check, dispatch to the pool, response relay.
 * Every refusal is an OpenAI error envelope; unexpected faults are logged and answered without internal detail.
 */
@Singleton
public class ProxyPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyPipeline.class);

    private final LlmSettings settings;
    private final RouteTable routes;
    private final Dispatcher dispatcher;
    private final ConsumerResolver consumers;
    private final Affinity affinity;

    public ProxyPipeline(LlmSettings settings, RouteTable routes, Dispatcher dispatcher, ConsumerResolver consumers,
                         Affinity affinity) {
        this.settings = settings;
        this.routes = routes;
        this.dispatcher = dispatcher;
        this.consumers = consumers;
        this.affinity = affinity;
    }

    public MutableHttpResponse<?> handle(Operation operation, String azureDeployment, HttpRequest<?> http, byte[] bytes) {
        try {
            return proxy(operation, azureDeployment, http, bytes);
        } catch (OpenAiErrorException e) {
            return OpenAiErrorResponses.render(e.error());
        } catch (RuntimeException e) {
            LOG.error("LLM proxy fault on {}", http.getPath(), e);
            return OpenAiErrorResponses.render(new OpenAiError(500,
                    "The gateway failed to process the request.", "api_error", null, "internal_error"));
        }
    }

    private MutableHttpResponse<?> proxy(Operation operation, String azureDeployment, HttpRequest<?> http, byte[] bytes) {
        if (bytes != null && bytes.length > settings.getMaxBodyBytes()) {
            throw new OpenAiErrorException(new OpenAiError(413, "The request body exceeds the limit of "
                    + settings.getMaxBodyBytes() + " bytes.", "invalid_request_error", null, "request_too_large"));
        }
        RequestBody body = RequestBody.parse(bytes);
        boolean azure = azureDeployment != null;
        String deployment = azure ? azureDeployment : body.model();
        if (deployment == null || deployment.isBlank()) {
            throw new OpenAiErrorException(OpenAiError.invalidRequest(
                    "You must provide a model parameter.", "model", "missing_model"));
        }
        String client = http.getRemoteAddress().getAddress().getHostAddress();
        Consumer consumer = consumers.resolve(http.getHeaders(), deployment, client);
        Pool pool = routes.target(deployment).flatMap(dispatcher::pool).orElseThrow(() -> new OpenAiErrorException(
                OpenAiError.notFound(azure
                        ? "The API deployment for this resource does not exist."
                        : "The model '" + deployment + "' does not exist or you do not have access to it.",
                        azure ? "DeploymentNotFound" : "model_not_found")));
        ProxyRequest request = new ProxyRequest(operation, azure, deployment,
                http.getParameters().get("api-version"), body, http.getHeaders(), client);
        Affinity.Key key = affinity.key(pool, http);
        UpstreamResponse upstream = dispatcher.dispatch(pool, request, key.value());
        MutableHttpResponse<?> response = ResponseWriter.write(upstream);
        key.newCookie().ifPresent(cookie -> response.cookie(cookie));
        LOG.debug("{} {} for {} served by {}", operation, deployment, consumer.subscriptionId(), upstream.backendId());
        return response;
    }
}
