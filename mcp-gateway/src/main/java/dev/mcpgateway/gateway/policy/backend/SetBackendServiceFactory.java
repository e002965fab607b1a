package dev.mcpgateway.gateway.policy.backend;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceSet;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <set-backend-service backend-id="..." />} or {@code base-url="..."}: the call goes to another backend. A
 * backend named as text must exist when the document is written; one named by an expression is looked up per call in
 * the configuration the document was compiled with, and a call naming none is refused rather than sent somewhere
 * else. LLM calls go to the backend or pool; tool calls to the backend's URL, with the API's own credentials.
 */
@Singleton
public final class SetBackendServiceFactory implements PolicyFactory {

    @Override
    public Set<String> elements() {
        return Set.of("set-backend-service");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        Expression backendId = element.attribute("backend-id");
        Expression baseUrl = element.attribute("base-url");
        ResourceSet resources = compiler.resources();
        if (backendId != null && backendId.isConstant()) {
            String id = backendId.evaluateText(null);
            Resource backend = resources.get(ResourceKind.BACKENDS, id).orElseThrow(() ->
                    new PolicyDocumentException(element.name(), element.line(), "backend-id: no backend '" + id
                            + "'"));
            URI url = url(backend);
            return call -> {
                call.backend(id, url);
                return Decision.CONTINUE;
            };
        }
        if (backendId != null) {
            return call -> choose(call, backendId.evaluateText(call), resources);
        }
        if (baseUrl.isConstant()) {
            URI url = parse(baseUrl.evaluateText(null)).orElseThrow(() -> new PolicyDocumentException(
                    element.name(), element.line(), "base-url: not an absolute http(s) URL"));
            return call -> {
                call.backend(null, url);
                return Decision.CONTINUE;
            };
        }
        return call -> {
            Optional<URI> url = parse(baseUrl.evaluateText(call));
            if (url.isEmpty()) {
                return new Decision.Refuse(Refusal.of(500, "backend_not_found",
                        "The gateway could not choose a backend for this call."));
            }
            call.backend(null, url.get());
            return Decision.CONTINUE;
        };
    }

    private static Decision choose(PolicyCall call, String id, ResourceSet resources) {
        Optional<Resource> backend = id == null ? Optional.empty() : resources.get(ResourceKind.BACKENDS, id);
        if (backend.isEmpty()) {
            return new Decision.Refuse(Refusal.of(500, "backend_not_found",
                    "The gateway could not choose a backend for this call."));
        }
        call.backend(id, url(backend.get()));
        return Decision.CONTINUE;
    }

    /** A single backend's URL; null for a pool, which only model calls can use. */
    private static URI url(Resource backend) {
        String url = backend.properties().path("url").asText(null);
        return url == null ? null : URI.create(url);
    }

    private static Optional<URI> parse(String text) {
        try {
            URI uri = text == null ? null : new URI(text.trim());
            return uri != null && uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
