package dev.mcpgateway.openapi.http;

/** OpenAPI security scheme types (Swagger 2.0 {@code basic} maps to HTTP with scheme basic). */
public enum SecuritySchemeType {
    API_KEY, HTTP, OAUTH2, OPEN_ID_CONNECT, MUTUAL_TLS
}
