package dev.mcpgateway.llm.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The exact-cache key of a request: partition + deployment + generation parameters + body hash.
 *
 * <p>The partition is whatever the API's {@code vary-by} yields (subscription, user, ...): we never share
 * entries across partitions, so a missing partition must be passed as a distinct value by the caller, not
 * as "" shared by all tenants. The generation parameters are listed explicitly so that two requests that
 * differ only in, say, {@code temperature} or {@code tools} can never collide even if a future body
 * normalisation drops fields. The body is hashed in canonical form (object keys sorted), so key order and
 * whitespace do not split the cache.
 *
 * @param value the opaque key, {@code <deployment>:<sha-256 hex>}
 */
public record CacheKey(String value) {

    /** Parameters that change what a model returns; always part of the key. */
    static final List<String> GENERATION_PARAMETERS = List.of("model", "temperature", "top_p", "n", "seed",
            "max_tokens", "max_completion_tokens", "max_output_tokens", "stop", "presence_penalty",
            "frequency_penalty", "logit_bias", "logprobs", "top_logprobs", "tools", "tool_choice", "functions",
            "function_call", "response_format", "text", "reasoning", "reasoning_effort", "stream",
            "stream_options", "dimensions", "encoding_format", "instructions");

    public CacheKey {
        Objects.requireNonNull(value, "value");
    }

    /**
     * @param partition  the tenant partition (never shared across tenants)
     * @param deployment the deployment or model the request routes to
     * @param body       the request body as the client sent it
     */
    public static CacheKey of(String partition, String deployment, JsonNode body) {
        MessageDigest sha = sha256();
        field(sha, "partition", partition);
        field(sha, "deployment", deployment);
        for (String name : GENERATION_PARAMETERS) {
            JsonNode v = body.get(name);
            field(sha, name, v == null ? "\u0000absent" : CanonicalJson.write(v));
        }
        field(sha, "body", CanonicalJson.write(body));
        return new CacheKey(deployment + ":" + HexFormat.of().formatHex(sha.digest()));
    }

    private static void field(MessageDigest sha, String name, String value) {
        // Length-prefixed, so no value can be crafted to shift into the next field.
        byte[] bytes = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
