package dev.mcpgateway.gateway.policy.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A token read by {@code AsJwt()}: decoded, not verified, exactly as APIM's AsJwt (verification is validate-jwt's
 * job). Claims are rendered as APIM's {@code Claims.GetValueOrDefault} renders them: arrays joined with {@code ","}.
 */
public record Jwt(Map<String, String> claims) {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String BEARER = "bearer ";

    public Jwt {
        claims = Map.copyOf(claims);
    }

    public String subject() {
        return claims.get("sub");
    }

    public String claim(String name) {
        return claims.get(name);
    }

    /** Claims may hold personal data: a token rendered as text (in a log, or a header by mistake) shows none. */
    @Override
    public String toString() {
        return "Jwt";
    }

    /** The token in a header value ({@code Bearer } prefix allowed), or null when it is not a signed JWT. */
    public static Jwt parse(String value) {
        if (value == null) {
            return null;
        }
        String token = value.strip();
        if (token.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            token = token.substring(BEARER.length()).strip();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return header != null && header.isObject() && payload != null && payload.isObject()
                    ? new Jwt(claimsOf(payload)) : null;
        } catch (IllegalArgumentException | IOException notAToken) {
            return null;
        }
    }

    private static Map<String, String> claimsOf(JsonNode payload) {
        Map<String, String> claims = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isNull()) {
                claims.put(field.getKey(), render(field.getValue()));
            }
        }
        return claims;
    }

    private static String render(JsonNode value) {
        if (value.isArray()) {
            StringJoiner joined = new StringJoiner(",");
            value.forEach(item -> joined.add(item.isValueNode() ? item.asText() : item.toString()));
            return joined.toString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
