package dev.mcpgateway.openapi.http;

import java.util.Map;
import java.util.Objects;

/**
 * The server an operation is sent to: the effective OpenAPI server (operation-level, else path-level, else
 * document-level, first entry).
 *
 * @param urlTemplate the server URL with {@code {variable}} placeholders, already resolved against the spec's
 *                    location when relative (e.g. {@code https://{endpoint}/openai}); may still be relative
 *                    (e.g. {@code /api/v3}) when the spec came from a string without base location, in which case
 *                    the gateway must supply a base URL in {@link BackendTarget}
 * @param variables   declared variables by name; every placeholder in the template must be declared
 */
public record ServerBinding(String urlTemplate, Map<String, ServerVariable> variables) {

    public ServerBinding {
        Objects.requireNonNull(urlTemplate, "urlTemplate");
        variables = Map.copyOf(variables);
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(urlTemplate);
        while (matcher.find()) {
            if (!variables.containsKey(matcher.group(1))) {
                throw new IllegalArgumentException("server variable {" + matcher.group(1) + "} is not declared");
            }
        }
    }

    /** A server without variables. */
    public static ServerBinding of(String url) {
        return new ServerBinding(url, Map.of());
    }
}
