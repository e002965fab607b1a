package dev.mcpgateway.openapi.http;

import java.util.Locale;

/** OpenAPI 3 parameter serialisation styles. */
public enum ParameterStyle {
    FORM, SPACE_DELIMITED, PIPE_DELIMITED, DEEP_OBJECT, LABEL, MATRIX, SIMPLE;

    /** The style OpenAPI implies when a parameter declares none: form for query/cookie, simple for path/header. */
    public static ParameterStyle defaultFor(ParameterLocation in) {
        return switch (in) {
            case QUERY, COOKIE -> FORM;
            case PATH, HEADER -> SIMPLE;
        };
    }

    /** OpenAPI's default for {@code explode}: true exactly when the style is form. */
    public boolean defaultExplode() {
        return this == FORM;
    }

    /** Parses an OpenAPI style name ({@code form}, {@code spaceDelimited}, {@code deepObject}, ...). */
    public static ParameterStyle fromOpenApi(String style) {
        return switch (style.trim().toLowerCase(Locale.ROOT)) {
            case "form" -> FORM;
            case "spacedelimited" -> SPACE_DELIMITED;
            case "pipedelimited" -> PIPE_DELIMITED;
            case "deepobject" -> DEEP_OBJECT;
            case "label" -> LABEL;
            case "matrix" -> MATRIX;
            case "simple" -> SIMPLE;
            default -> throw new IllegalArgumentException("unknown parameter style: " + style);
        };
    }
}
