package dev.mcpgateway.gateway.policy.xml;

import java.util.List;

/** Every other policy element of APIM's reference, with why the engine refuses it, so users know before importing. */
final class RefusedPolicies {

    private static final String PLANNED = "planned: not supported yet";
    private static final String NO_BODY = "request and response bodies are not transformed";
    private static final String NO_CALLS = "policies do not call other services";
    private static final String NO_GRAPHQL = "GraphQL resolvers are not served";
    private static final String NO_SCHEMA = "this gateway does not validate against the API's schema";
    private static final String NO_CACHE = "this gateway has no HTTP response cache (LLM caching is"
            + " llm-semantic-cache-lookup / -store)";
    private static final String BACKEND_CREDENTIALS = "declare the credentials on the backend resource instead";

    private RefusedPolicies() {
    }

    static List<CatalogEntry.Refused> all() {
        return List.of(
                planned("llm-semantic-cache-lookup"), planned("llm-semantic-cache-store"),
                planned("azure-openai-semantic-cache-lookup"), planned("azure-openai-semantic-cache-store"),
                planned("llm-content-safety"),
                refused("quota", "use quota-by-key with counter-key=\"@(context.Subscription.Id)\""),
                refused("limit-concurrency", "this gateway has no concurrency limit"),
                refused("get-authorization-context", "APIM credential manager connections are not modelled; "
                        + BACKEND_CREDENTIALS),
                refused("authentication-basic", BACKEND_CREDENTIALS),
                refused("authentication-certificate", BACKEND_CREDENTIALS),
                refused("validate-client-certificate", "the gateway does not take client certificates"),
                refused("validate-content", NO_SCHEMA), refused("validate-parameters", NO_SCHEMA),
                refused("validate-headers", NO_SCHEMA), refused("validate-status-code", NO_SCHEMA),
                refused("validate-graphql-request", "GraphQL APIs are not served"),
                refused("validate-odata-request", "OData APIs are not served"),
                refused("proxy", "every outbound call goes through the gateway's one HTTP client"),
                refused("cache-lookup", NO_CACHE), refused("cache-store", NO_CACHE),
                refused("cache-lookup-value", "the key-value cache is not available to policies"),
                refused("cache-store-value", "the key-value cache is not available to policies"),
                refused("cache-remove-value", "the key-value cache is not available to policies"),
                refused("set-method", "the method of a call is fixed by its operation"),
                refused("set-status", "only inside return-response"),
                refused("set-body", "not supported yet outside return-response; " + NO_BODY),
                refused("rewrite-uri", "the backend URL of an operation is fixed by its definition"),
                refused("json-to-xml", NO_BODY), refused("xml-to-json", NO_BODY), refused("xsl-transform", NO_BODY),
                refused("find-and-replace", NO_BODY), refused("redirect-content-urls", NO_BODY),
                refused("cross-domain", "Flash and Silverlight cross-domain policy files are obsolete"),
                refused("jsonp", "JSONP is not served"),
                refused("send-request", NO_CALLS), refused("send-one-way-request", NO_CALLS),
                refused("log-to-eventhub", "Event Hubs is not a logger of this gateway; use loggers and diagnostics"),
                refused("send-service-bus-message", NO_CALLS),
                refused("publish-to-dapr", "Dapr is not available"),
                refused("invoke-dapr-binding", "Dapr is not available"),
                refused("trace", "request tracing is not available; use diagnostics"),
                refused("emit-metric", "custom metrics are not emitted; llm-emit-token-metric is supported"),
                refused("include-fragment", "policy fragments are not modelled; write the fragment's policies"
                        + " in place"),
                refused("wait", "policies run one after another (send-request is not supported)"),
                refused("sql-data-source", NO_GRAPHQL), refused("cosmosdb-data-source", NO_GRAPHQL),
                refused("http-data-source", NO_GRAPHQL), refused("publish-event", NO_GRAPHQL));
    }

    private static CatalogEntry.Refused planned(String name) {
        return planned(name, PLANNED);
    }

    private static CatalogEntry.Refused planned(String name, String reason) {
        return new CatalogEntry.Refused(name, reason, true);
    }

    private static CatalogEntry.Refused refused(String name, String reason) {
        return new CatalogEntry.Refused(name, reason, false);
    }
}
