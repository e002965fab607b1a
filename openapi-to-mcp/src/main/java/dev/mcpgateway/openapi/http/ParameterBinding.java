package dev.mcpgateway.openapi.http;

import java.util.Objects;

/**
 * How one tool argument becomes one OpenAPI parameter on the wire.
 *
 * @param argument      the property name in the tool's inputSchema (e.g. {@code cartId__path} after a collision)
 * @param in            where the value is sent
 * @param wireName      the parameter name on the wire (e.g. {@code cartId})
 * @param style         OpenAPI style, already defaulted for the location (see {@link ParameterStyle#defaultFor})
 * @param explode       OpenAPI explode, already defaulted ({@link ParameterStyle#defaultExplode()})
 * @param allowReserved query only: leave RFC 3986 reserved characters unencoded
 * @param shape         the JSON shape of the parameter's schema
 * @param required      whether the operation requires the parameter (path parameters always are)
 */
public record ParameterBinding(String argument, ParameterLocation in, String wireName, ParameterStyle style,
                               boolean explode, boolean allowReserved, ValueShape shape, boolean required) {

    public ParameterBinding {
        requireText(argument, "argument");
        Objects.requireNonNull(in, "in");
        requireText(wireName, "wireName");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(shape, "shape");
        if (!allowedIn(style, in)) {
            throw new IllegalArgumentException("style " + style + " is not allowed in " + in + " (" + wireName + ")");
        }
        if (in == ParameterLocation.HEADER && wireName.equalsIgnoreCase("Content-Type")) {
            // OpenAPI ignores a Content-Type header parameter: the body's media type decides it.
            throw new IllegalArgumentException("Content-Type cannot be a header parameter");
        }
        if (in == ParameterLocation.PATH && !required) {
            throw new IllegalArgumentException("path parameter " + wireName + " must be required");
        }
    }

    /** A binding with OpenAPI's default style and explode for its location. */
    public static ParameterBinding of(String argument, ParameterLocation in, String wireName, ValueShape shape,
                                      boolean required) {
        ParameterStyle style = ParameterStyle.defaultFor(in);
        return new ParameterBinding(argument, in, wireName, style, style.defaultExplode(), false, shape, required);
    }

    private static boolean allowedIn(ParameterStyle style, ParameterLocation in) {
        return switch (style) {
            case MATRIX, LABEL -> in == ParameterLocation.PATH;
            case SIMPLE -> in == ParameterLocation.PATH || in == ParameterLocation.HEADER;
            case FORM -> in == ParameterLocation.QUERY || in == ParameterLocation.COOKIE;
            case SPACE_DELIMITED, PIPE_DELIMITED, DEEP_OBJECT -> in == ParameterLocation.QUERY;
        };
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
