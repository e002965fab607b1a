package dev.mcpgateway.openapi.http;

/**
 * OpenAPI {@code encoding} of one property of a form or multipart body.
 *
 * @param contentType   multipart only: the part's Content-Type; null when the spec declares none (then text/plain
 *                      for scalars, application/json for objects and arrays of objects, application/octet-stream
 *                      for files)
 * @param style         form bodies only: null when the spec declares none (arrays are then repeated
 *                      {@code tag=a&tag=b} and objects sent in bracket notation {@code card[address][city]=x});
 *                      DEEP_OBJECT gives bracket notation everywhere ({@code expand[]=a}); FORM, SPACE_DELIMITED,
 *                      PIPE_DELIMITED follow the OpenAPI query rules
 * @param explode       form bodies only, meaningful when style is set
 * @param allowReserved form bodies only: leave reserved characters unencoded
 */
public record PartEncoding(String contentType, ParameterStyle style, boolean explode, boolean allowReserved) {

    private static final PartEncoding DEFAULT = new PartEncoding(null, null, true, false);

    public PartEncoding {
        if (style != null && style != ParameterStyle.FORM && style != ParameterStyle.SPACE_DELIMITED
                && style != ParameterStyle.PIPE_DELIMITED && style != ParameterStyle.DEEP_OBJECT) {
            throw new IllegalArgumentException("style " + style + " is not allowed in a form body");
        }
    }

    /** No encoding declared. */
    public static PartEncoding defaults() {
        return DEFAULT;
    }
}
