package dev.mcpgateway.openapi.http;

import java.util.List;
import java.util.Objects;

/**
 * One security scheme an operation requires, described so the gateway can satisfy it with credentials it holds.
 * Never a tool argument.
 *
 * @param name          the scheme's key in {@code components.securitySchemes}
 * @param type          the scheme type
 * @param httpScheme    HTTP only: {@code basic}, {@code bearer}, ... (lower case); null otherwise
 * @param in            API_KEY only: QUERY, HEADER or COOKIE; null otherwise
 * @param parameterName API_KEY only: the header, query or cookie name; null otherwise
 * @param scopes        OAUTH2/OPEN_ID_CONNECT: the scopes the requirement lists; empty otherwise
 */
public record SecurityScheme(String name, SecuritySchemeType type, String httpScheme, ParameterLocation in,
                             String parameterName, List<String> scopes) {

    public SecurityScheme {
        ParameterBinding.requireText(name, "name");
        Objects.requireNonNull(type, "type");
        scopes = List.copyOf(scopes);
        if (type == SecuritySchemeType.API_KEY) {
            if (in == null || in == ParameterLocation.PATH) {
                throw new IllegalArgumentException("apiKey scheme " + name + " needs in: query, header or cookie");
            }
            ParameterBinding.requireText(parameterName, "parameterName");
        }
        if (type == SecuritySchemeType.HTTP) {
            ParameterBinding.requireText(httpScheme, "httpScheme");
        }
    }

    public static SecurityScheme apiKey(String name, ParameterLocation in, String parameterName) {
        return new SecurityScheme(name, SecuritySchemeType.API_KEY, null, in, parameterName, List.of());
    }

    public static SecurityScheme http(String name, String httpScheme) {
        return new SecurityScheme(name, SecuritySchemeType.HTTP, httpScheme, null, null, List.of());
    }

    public static SecurityScheme oauth2(String name, List<String> scopes) {
        return new SecurityScheme(name, SecuritySchemeType.OAUTH2, null, null, null, scopes);
    }
}
