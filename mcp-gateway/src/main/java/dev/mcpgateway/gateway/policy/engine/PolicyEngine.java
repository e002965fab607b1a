package dev.mcpgateway.gateway.policy.engine;

import dev.mcpgateway.auth.backend.CredentialConfigException;
import dev.mcpgateway.auth.backend.SecretResolver;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyDocuments;
import dev.mcpgateway.gateway.policy.xml.PolicyFormat;
import dev.mcpgateway.gateway.resource.NamedValues;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceRuntime;
import dev.mcpgateway.gateway.resource.ResourceSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Serves the policy documents: each is compiled when the configuration changes (a document that does not compile
 * refuses the change, naming its scope, element and line), and the effective policy of a scope is composed at its
 * first call and kept until the next change. No call ever reads policy text.
 */
public final class PolicyEngine implements ResourceRuntime {

    private final Map<String, PolicyFactory> factories;
    private final Function<String, String> environment;
    private final Predicate<String> mcpServers;
    private volatile Compiled compiled = new Compiled(Map.of());

    /** An engine whose named values expand {@code ${ENV}} from the process environment. */
    public PolicyEngine(List<PolicyFactory> factories) {
        this(factories, System::getenv, name -> false);
    }

    /**
     * @param environment what a named value's {@code ${ENV}} references read
     * @param mcpServers  whether an API id names an MCP server, whose documents may not hold policies of model calls
     */
    public PolicyEngine(List<PolicyFactory> factories, Function<String, String> environment,
                        Predicate<String> mcpServers) {
        this.environment = environment;
        this.mcpServers = mcpServers;
        Map<String, PolicyFactory> byElement = new HashMap<>();
        for (PolicyFactory factory : factories) {
            for (String element : factory.elements()) {
                if (byElement.put(element, factory) != null) {
                    throw new IllegalStateException("two policy factories compile <" + element + ">");
                }
            }
        }
        this.factories = Map.copyOf(byElement);
    }

    /** The element names the engine can apply (kept equal to the catalog's supported policies by a test). */
    public Set<String> elements() {
        return factories.keySet();
    }

    @Override
    public Publication prepare(ResourceSet next) throws InvalidDefinitionException {
        Map<String, CompiledDocument> documents = new HashMap<>();
        for (Resource resource : next.all(ResourceKind.POLICIES)) {
            documents.put(resource.id(), compile(resource, next));
        }
        Compiled ready = new Compiled(Map.copyOf(documents));
        return () -> compiled = ready;
    }

    private CompiledDocument compile(Resource resource, ResourceSet next) throws InvalidDefinitionException {
        String value = withNamedValues(resource, next);
        PolicyFormat format = PolicyFormat.of(resource.properties().path("format").asText("xml"));
        try {
            CompiledDocument document = CompiledDocument.compile(PolicyDocuments.read(value, format), factories,
                    resource.id(), next);
            checkSurface(resource.id(), document, next);
            return document;
        } catch (PolicyDocumentException e) {
            throw new InvalidDefinitionException("policies." + resource.id() + ".value", e.getMessage());
        }
    }

    /**
     * A document at an MCP server's scope holds no policy that applies to model calls only: it would never run, and
     * a policy is never kept to be ignored.
     */
    private void checkSurface(String scope, CompiledDocument document, ResourceSet next)
            throws PolicyDocumentException {
        if (!scope.startsWith("apis/")) {
            return;
        }
        String api = scope.split("/")[1];
        if (next.get(ResourceKind.APIS, api).isPresent() || !mcpServers.test(api)) {
            return;
        }
        for (List<Step> steps : document.sections().values()) {
            for (Step step : steps) {
                if (!step.isBase() && !step.surfaces().contains(Surface.MCP)) {
                    throw new PolicyDocumentException(step.element(), step.line(), "applies to model calls, and '"
                            + api + "' is an MCP server");
                }
            }
        }
    }

    /**
     * The document with its {@code {{name}}} references replaced by the named values of the configuration being
     * compiled, as APIM does before it reads a policy; a missing one refuses the document. Only named values are
     * replaced: a {@code ${...}} in a document stays as written, so no policy can read the process environment.
     */
    private String withNamedValues(Resource resource, ResourceSet next) throws InvalidDefinitionException {
        String value = resource.properties().path("value").asText();
        String field = "policies." + resource.id() + ".value";
        SecretResolver resolver = new SecretResolver(variable -> "${" + variable + "}",
                new NamedValues(() -> next, environment));
        try {
            return resolver.resolveText(field, value);
        } catch (CredentialConfigException e) {
            throw new InvalidDefinitionException(field, e.reason());
        }
    }

    /** The policy a call on this surface and scope runs; {@link EffectivePolicy#NONE} when no document applies. */
    public EffectivePolicy effective(Surface surface, PolicyScope scope) {
        return compiled.effective(surface, scope);
    }


    /** One configuration's documents, and the effective policies composed from them so far. */
    private record Compiled(Map<String, CompiledDocument> documents, Map<Key, EffectivePolicy> effective) {

        Compiled(Map<String, CompiledDocument> documents) {
            this(documents, new ConcurrentHashMap<>());
        }

        EffectivePolicy effective(Surface surface, PolicyScope scope) {
            if (documents.isEmpty()) {
                return EffectivePolicy.NONE;
            }
            return effective.computeIfAbsent(new Key(surface, scope), key -> {
                List<CompiledDocument> outerFirst = new ArrayList<>(4);
                for (String id : scope.documentIds()) {
                    outerFirst.add(documents.get(id));
                }
                return EffectivePolicy.compose(outerFirst, surface);
            });
        }
    }

    private record Key(Surface surface, PolicyScope scope) {
    }
}
