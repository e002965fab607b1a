package dev.mcpgateway.llm.limit;

import java.util.Optional;

/**
 * What a counter-key expression may read from a request. The LLM pipeline implements it over the incoming
 * HTTP request and the resolved consumer; limits never touch the transport themselves.
 */
public interface RequestAttributes {

    /** The subscription that authenticated the call ({@code context.Subscription.Id}), if any. */
    Optional<String> subscriptionId();

    /** The caller's IP address as the gateway sees it (after trusted proxy headers, if configured). */
    Optional<String> clientIp();

    /** The first value of a request header, name matched case-insensitively. */
    Optional<String> header(String name);

    /** A claim of the caller's validated JWT, rendered as a string; empty when there is no token or claim. */
    Optional<String> jwtClaim(String name);
}
