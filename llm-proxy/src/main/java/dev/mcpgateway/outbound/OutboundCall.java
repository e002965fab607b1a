package dev.mcpgateway.outbound;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * One HTTP/1.1 request as it goes on the wire. The client adds {@code Host} and {@code Content-Length}; everything
 * else (credentials included) is the caller's.
 *
 * @param method  upper-case HTTP method
 * @param origin  where the connection goes
 * @param target  the request target: raw (percent-encoded) path and query, never empty
 * @param headers the header lines to send; the client sets Host and Content-Length in it
 * @param body    the body bytes, null for none
 */
public record OutboundCall(String method, Origin origin, String target, HttpHeaders headers, byte[] body) {
}
