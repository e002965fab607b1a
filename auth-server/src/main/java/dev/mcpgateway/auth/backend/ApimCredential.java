package dev.mcpgateway.auth.backend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Azure API Management's backend credentials: fixed header values, query parameters and an {@code Authorization}
 * header, added to every call exactly as configured. A header with several values goes out as several header lines
 * (replacing any the request had), a query parameter with several values as repeated parameters.
 *
 * @param headers       header name to values
 * @param query         query parameter name to values
 * @param authorization {@code Authorization: <scheme> <parameter>}, if set
 */
public record ApimCredential(Map<String, List<Secret>> headers, Map<String, List<Secret>> query,
                             Optional<Authorization> authorization) implements BackendCredential {

    public ApimCredential {
        headers = frozen(headers);
        query = frozen(query);
        authorization = authorization == null ? Optional.empty() : authorization;
    }

    /** The {@code authorization} part: a scheme such as {@code Bearer} and its secret parameter. */
    public record Authorization(String scheme, Secret parameter) {
        public Authorization {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(parameter, "parameter");
        }
    }

    @Override
    public OutboundRequest apply(OutboundRequest request) {
        OutboundRequest out = request;
        for (Map.Entry<String, List<Secret>> header : headers.entrySet()) {
            out = out.withHeader(header.getKey(), header.getValue().stream().map(Secret::reveal).toList());
        }
        for (Map.Entry<String, List<Secret>> parameter : query.entrySet()) {
            for (Secret value : parameter.getValue()) {
                out = out.withQueryParameter(parameter.getKey(), value.reveal());
            }
        }
        if (authorization.isPresent()) {
            out = out.withHeader("Authorization",
                    authorization.get().scheme() + " " + authorization.get().parameter().reveal());
        }
        return out;
    }

    /** The names of what is added and the authorization scheme; never a value. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        if (!headers.isEmpty()) {
            description.put("header", List.copyOf(headers.keySet()));
        }
        if (!query.isEmpty()) {
            description.put("query", List.copyOf(query.keySet()));
        }
        authorization.ifPresent(a -> description.put("authorization", Map.of("scheme", a.scheme())));
        return description;
    }

    private static Map<String, List<Secret>> frozen(Map<String, List<Secret>> values) {
        Map<String, List<Secret>> copy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((name, list) -> copy.put(Objects.requireNonNull(name, "name"), List.copyOf(list)));
        }
        return Collections.unmodifiableMap(copy);
    }
}
