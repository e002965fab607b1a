package dev.mcpgateway.openapi.http;

/** Body bytes and the exact Content-Type that goes with them. */
record EncodedBody(byte[] bytes, String contentType) {
}
