package dev.mcpgateway.auth.upstream;

import dev.mcpgateway.auth.token.Identity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Upstream ID token claims to our identity. For Entra, {@code oid} (the user's object id, stable across clients in
 * the tenant) becomes the subject rather than the pairwise {@code sub}; {@code preferred_username} stands in for a
 * missing {@code email}; {@code tid}, {@code groups} and {@code roles} are carried for per-tool rules.
 */
public final class ClaimMapper {

    private ClaimMapper() {
    }

    public static Identity map(Map<String, Object> claims) {
        String subject = text(claims, "oid");
        if (subject == null) {
            subject = text(claims, "sub");
        }
        String email = text(claims, "email");
        if (email == null) {
            email = text(claims, "preferred_username");
        }
        if (email == null) {
            email = text(claims, "upn");
        }
        return new Identity(subject, text(claims, "name"), email, text(claims, "tid"),
                list(claims.get("groups")), list(claims.get("roles")));
    }

    private static String text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<String> list(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> {
                if (item instanceof String s) {
                    values.add(s);
                }
            });
        } else if (value instanceof String s) {
            values.add(s);
        }
        return values;
    }
}
