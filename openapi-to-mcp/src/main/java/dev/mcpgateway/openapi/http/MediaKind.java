package dev.mcpgateway.openapi.http;

/** The families of request body media types, each with its own encoder. */
enum MediaKind {
    JSON, FORM, MULTIPART, TEXT, BINARY;

    /** @param essence a lower-case media type without parameters */
    static MediaKind of(String essence) {
        if (essence.equals("application/json") || essence.endsWith("+json") || essence.endsWith("/json")) {
            return JSON;
        }
        if (essence.equals("application/x-www-form-urlencoded")) {
            return FORM;
        }
        if (essence.startsWith("multipart/")) {
            return MULTIPART;
        }
        if (essence.startsWith("text/") || essence.equals("application/xml") || essence.endsWith("+xml")) {
            return TEXT;
        }
        return BINARY;
    }
}
