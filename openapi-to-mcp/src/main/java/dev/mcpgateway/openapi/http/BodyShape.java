package dev.mcpgateway.openapi.http;

/** How the request body is carried by the tool's arguments. */
public enum BodyShape {
    /** The body object is assembled from several arguments, one per body property (the usual case). */
    PROPERTIES,
    /**
     * One argument holds the whole body: a string or array body, a Swagger 2.0 {@code in: body} parameter, or a
     * binary body given as base64.
     */
    WHOLE
}
