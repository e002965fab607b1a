package dev.mcpgateway.openapi.http;

import java.util.Locale;

/** Where an OpenAPI parameter travels on the wire (OpenAPI {@code in}). */
public enum ParameterLocation {
    PATH, QUERY, HEADER, COOKIE;

    /** Parses an OpenAPI {@code in} value ({@code path}, {@code query}, {@code header}, {@code cookie}). */
    public static ParameterLocation fromOpenApi(String in) {
        return valueOf(in.trim().toUpperCase(Locale.ROOT));
    }
}
