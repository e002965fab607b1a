package dev.mcpgateway.gateway.policy.access;

import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyResponse;
import dev.mcpgateway.gateway.policy.expression.ContextValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code cors}: a browser's preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an allowed
 * origin, for an allowed method and headers, is answered here with the CORS headers; one that is not allowed is
 * answered without them when {@code terminate-unmatched-request} (the default), so the browser refuses it. A call
 * from an allowed origin gets {@code Access-Control-Allow-Origin} (and the exposed headers) on its answer. Origins are
 * compared as {@code scheme://host[:port]}, case-insensitively, a trailing slash ignored.
 *
 * @param origins  the allowed origins, normalised; empty with {@code anyOrigin}
 * @param methods  the allowed methods, upper case; empty with {@code anyMethod} (the default: any)
 * @param headers  the allowed request headers, lower case; empty with {@code anyHeader}
 * @param expose   the headers a page may read from the answer
 * @param maxAge   seconds a browser may keep the preflight's answer, or null
 */
record Cors(Set<String> origins, boolean anyOrigin, Set<String> methods, boolean anyMethod, Set<String> headers,
            boolean anyHeader, List<String> expose, Long maxAge, Condition credentials, Condition terminate)
        implements Policy {

    static String normalise(String origin) {
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    @Override
    public Decision apply(PolicyCall call) {
        String origin = call.header("Origin");
        if (origin == null) {
            return Decision.CONTINUE;
        }
        boolean allowedOrigin = anyOrigin || origins.contains(normalise(origin));
        String requestedMethod = call.header("Access-Control-Request-Method");
        if ("OPTIONS".equalsIgnoreCase(call.value(ContextValue.REQUEST_METHOD)) && requestedMethod != null) {
            return preflight(call, origin, allowedOrigin, requestedMethod);
        }
        if (allowedOrigin) {
            allowOrigin(call, origin).forEach((name, value) -> call.setResponseHeader(name, List.of(value)));
            if (!expose.isEmpty()) {
                call.setResponseHeader("Access-Control-Expose-Headers", List.of(String.join(", ", expose)));
            }
        }
        return Decision.CONTINUE;
    }

    private Decision preflight(PolicyCall call, String origin, boolean allowedOrigin, String method) {
        String requested = call.header("Access-Control-Request-Headers");
        boolean allowed = allowedOrigin && (anyMethod || methods.contains(method.strip().toUpperCase(Locale.ROOT)))
                && headersAllowed(requested);
        if (!allowed) {
            return terminate.evaluate(call) ? new Decision.Respond(new PolicyResponse(200, Map.of(), ""))
                    : Decision.CONTINUE;
        }
        Map<String, String> answer = allowOrigin(call, origin);
        answer.put("Access-Control-Allow-Methods", anyMethod ? method.strip() : String.join(", ", methods));
        if (requested != null && !requested.isBlank()) {
            answer.put("Access-Control-Allow-Headers", anyHeader ? requested.strip() : String.join(", ", headers));
        }
        if (maxAge != null) {
            answer.put("Access-Control-Max-Age", Long.toString(maxAge));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.forEach((name, value) -> headers.put(name, List.of(value)));
        return new Decision.Respond(new PolicyResponse(200, headers, ""));
    }

    private boolean headersAllowed(String requested) {
        if (anyHeader || requested == null || requested.isBlank()) {
            return true;
        }
        return Arrays.stream(requested.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).allMatch(headers::contains);
    }

    /** The caller's origin (a wildcard only for any origin without credentials), and whether credentials go. */
    private Map<String, String> allowOrigin(PolicyCall call, String origin) {
        Map<String, String> answer = new LinkedHashMap<>();
        boolean withCredentials = credentials.evaluate(call);
        answer.put("Access-Control-Allow-Origin", anyOrigin && !withCredentials ? "*" : origin.strip());
        if (withCredentials) {
            answer.put("Access-Control-Allow-Credentials", "true");
        }
        if (!anyOrigin || withCredentials) {
            answer.put("Vary", "Origin");
        }
        return answer;
    }
}
