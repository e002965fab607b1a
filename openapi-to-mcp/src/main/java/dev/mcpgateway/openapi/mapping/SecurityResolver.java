package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.openapi.http.ParameterLocation;
import dev.mcpgateway.openapi.http.SecurityRequirement;
import dev.mcpgateway.openapi.http.SecurityScheme;
import dev.mcpgateway.openapi.http.SecuritySchemeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The security an operation declares (its own {@code security}, even empty, else the document's), with each scheme
 * described from {@code components.securitySchemes}. An alternative naming an undefined scheme is dropped.
 */
public final class SecurityResolver {

    private final JsonNode documentSecurity;
    private final JsonNode schemes;

    public SecurityResolver(JsonNode document) {
        this.documentSecurity = document.path("security");
        this.schemes = document.path("components").path("securitySchemes");
    }

    List<SecurityRequirement> resolve(OperationRef op, List<String> warnings) {
        JsonNode security = op.operation().has("security") ? op.operation().get("security") : documentSecurity;
        List<SecurityRequirement> result = new ArrayList<>();
        for (JsonNode alternative : security) {
            List<SecurityScheme> described = new ArrayList<>();
            boolean usable = true;
            for (var entry : alternative.properties()) {
                SecurityScheme scheme = describe(entry.getKey(), entry.getValue());
                if (scheme == null) {
                    warnings.add("security scheme " + entry.getKey() + " is not defined or not usable; alternative ignored");
                    usable = false;
                    break;
                }
                described.add(scheme);
            }
            if (usable) {
                result.add(new SecurityRequirement(described));
            }
        }
        return result;
    }

    private SecurityScheme describe(String name, JsonNode scopesNode) {
        JsonNode scheme = schemes.path(name);
        List<String> scopes = new ArrayList<>();
        scopesNode.forEach(s -> scopes.add(s.asText()));
        String type = scheme.path("type").asText("");
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "apikey" -> {
                String in = scheme.path("in").asText("");
                String parameter = scheme.path("name").asText("");
                if (!List.of("query", "header", "cookie").contains(in) || parameter.isBlank()) {
                    yield null;
                }
                yield SecurityScheme.apiKey(name, ParameterLocation.fromOpenApi(in), parameter);
            }
            case "http" -> SecurityScheme.http(name, scheme.path("scheme").asText("bearer").toLowerCase(Locale.ROOT));
            case "oauth2" -> SecurityScheme.oauth2(name, scopes);
            case "openidconnect" -> new SecurityScheme(name, SecuritySchemeType.OPEN_ID_CONNECT, null, null, null, scopes);
            case "mutualtls" -> new SecurityScheme(name, SecuritySchemeType.MUTUAL_TLS, null, null, null, scopes);
            default -> null;
        };
    }
}
