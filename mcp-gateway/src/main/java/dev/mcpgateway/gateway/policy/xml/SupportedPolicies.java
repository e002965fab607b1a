package dev.mcpgateway.gateway.policy.xml;

import static dev.mcpgateway.gateway.policy.xml.ElementSpec.element;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The policies the engine runs, with the attributes and child elements it honours. Names, sections and the places
 * where APIM allows expressions follow APIM's policy reference; what APIM documents beyond this is refused at load.
 */
final class SupportedPolicies {

    private static final Set<Section> INBOUND = EnumSet.of(Section.INBOUND);
    private static final Set<Section> INBOUND_BACKEND = EnumSet.of(Section.INBOUND, Section.BACKEND);
    private static final Set<Section> BACKEND = EnumSet.of(Section.BACKEND);
    private static final Set<Section> ALL = EnumSet.allOf(Section.class);

    private static final ElementSpec VALUE = element("value").text().build();

    private SupportedPolicies() {
    }

    static List<CatalogEntry.Supported> all() {
        return List.of(
                in(ALL, element("base")),
                in(INBOUND, element("rate-limit").literals("calls", "renewal-period", "retry-after-header-name",
                        "retry-after-variable-name", "remaining-calls-header-name", "remaining-calls-variable-name",
                        "total-calls-header-name").required("calls", "renewal-period")),
                in(INBOUND, element("rate-limit-by-key").attributes("calls", "renewal-period", "counter-key",
                        "increment-condition", "increment-count").literals("retry-after-header-name",
                        "retry-after-variable-name", "remaining-calls-header-name", "remaining-calls-variable-name",
                        "total-calls-header-name").required("calls", "renewal-period", "counter-key")),
                in(INBOUND, element("quota-by-key").literals("calls", "bandwidth", "renewal-period")
                        .attributes("counter-key", "increment-condition", "increment-count")
                        .literals("first-period-start")
                        .required("renewal-period", "counter-key").oneOf("calls", "bandwidth")),
                in(INBOUND, tokenLimit("llm-token-limit")),
                in(INBOUND, tokenLimit("azure-openai-token-limit")),
                in(INBOUND, tokenMetric("llm-emit-token-metric")),
                in(INBOUND, tokenMetric("azure-openai-emit-token-metric")),
                in(INBOUND_BACKEND, element("set-backend-service").attributes("base-url", "backend-id")
                        .oneOf("base-url", "backend-id")),
                in(BACKEND, element("forward-request").attributes("timeout",
                        "buffer-request-body", "buffer-response", "fail-on-error-status-code")),
                in(BACKEND, element("retry").attributes("condition", "count", "interval", "max-interval", "delta",
                        "first-fast-retry").required("condition", "count", "interval").policies()),
                in(INBOUND, element("authentication-managed-identity").literals("resource", "client-id",
                        "output-token-variable-name").attributes("ignore-error")
                        .required("resource")),
                in(INBOUND, validateJwt()),
                in(INBOUND, validateAzureAdToken()),
                in(INBOUND, element("check-header").attributes("name", "failed-check-httpcode",
                        "failed-check-error-message", "ignore-case").required("name", "failed-check-httpcode",
                        "failed-check-error-message", "ignore-case").child(VALUE)),
                in(INBOUND, element("ip-filter").attributes("action").words("action", "allow", "forbid")
                        .required("action").child(element("address").text().build())
                        .child(element("address-range").literals("from", "to").required("from", "to").build())),
                in(INBOUND, cors()),
                in(ALL, setHeader()),
                in(INBOUND_BACKEND, element("set-query-parameter").attributes("name", "exists-action")
                        .words("exists-action", "override", "skip", "append", "delete").required("name")
                        .child(VALUE)),
                in(ALL, element("set-variable").literals("name").attributes("value").required("name", "value")),
                in(ALL, element("choose")
                        .child(element("when").attributes("condition").required("condition").policies().build())
                        .child(element("otherwise").policies().build())),
                in(ALL, element("return-response")
                        .child(element("set-status").attributes("code", "reason").required("code").build())
                        .child(setHeader().build()).child(element("set-body").text().build())),
                in(EnumSet.of(Section.INBOUND, Section.OUTBOUND, Section.ON_ERROR),
                        element("mock-response").literals("status-code", "content-type")));
    }

    private static CatalogEntry.Supported in(Set<Section> sections, ElementSpec.Builder element) {
        return new CatalogEntry.Supported(element.build(), sections);
    }

    private static ElementSpec.Builder tokenLimit(String name) {
        return element(name).attributes("counter-key", "tokens-per-minute").literals("token-quota",
                "token-quota-period").words("token-quota-period", "Hourly", "Daily", "Weekly", "Monthly", "Yearly")
                .attributes("estimate-prompt-tokens").literals("retry-after-header-name", "retry-after-variable-name",
                        "remaining-quota-tokens-header-name", "remaining-quota-tokens-variable-name",
                        "remaining-tokens-header-name", "remaining-tokens-variable-name", "tokens-consumed-header-name",
                        "tokens-consumed-variable-name")
                .required("counter-key").oneOf("tokens-per-minute", "token-quota")
                .requires("token-quota", "token-quota-period").requires("token-quota-period", "token-quota");
    }

    private static ElementSpec.Builder tokenMetric(String name) {
        return element(name).literals("namespace")
                .child(element("dimension").attributes("name", "value").required("name").build());
    }

    private static ElementSpec.Builder setHeader() {
        return element("set-header").attributes("name", "exists-action")
                .words("exists-action", "override", "skip", "append", "delete").required("name").child(VALUE);
    }

    private static ElementSpec.Builder validateJwt() {
        return element("validate-jwt").attributes("header-name", "query-parameter-name", "token-value",
                        "failed-validation-httpcode", "failed-validation-error-message", "require-expiration-time",
                        "require-scheme", "require-signed-tokens", "clock-skew").literals("output-token-variable-name")
                .oneOf("header-name", "query-parameter-name", "token-value")
                .child(element("openid-config").literals("url").required("url").build())
                .child(element("issuer-signing-keys").child(element("key").literals("id", "n", "e").text().build())
                        .build())
                .child(list("audiences", "audience")).child(list("issuers", "issuer")).child(requiredClaims());
    }

    private static ElementSpec.Builder validateAzureAdToken() {
        return element("validate-azure-ad-token").literals("tenant-id").attributes("header-name", "query-parameter-name",
                        "token-value", "failed-validation-httpcode", "failed-validation-error-message")
                .literals("output-token-variable-name").required("tenant-id")
                .child(list("client-application-ids", "application-id"))
                .child(list("backend-application-ids", "application-id")).child(list("audiences", "audience"))
                .child(requiredClaims());
    }

    private static ElementSpec requiredClaims() {
        return element("required-claims").child(element("claim").literals("name", "match", "separator")
                .words("match", "all", "any").required("name").child(VALUE).build()).build();
    }


    private static ElementSpec.Builder cors() {
        return element("cors").attributes("allow-credentials", "terminate-unmatched-request")
                .child(list("allowed-origins", "origin"))
                .child(element("allowed-methods").attributes("preflight-result-max-age")
                        .child(element("method").text().build()).build())
                .child(list("allowed-headers", "header")).child(list("expose-headers", "header"));
    }

    /** A container of text items: {@code <audiences><audience>...</audience></audiences>}. */
    private static ElementSpec list(String name, String item) {
        return element(name).child(element(item).text().build()).build();
    }
}
