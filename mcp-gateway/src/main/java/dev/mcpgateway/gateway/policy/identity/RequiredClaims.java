package dev.mcpgateway.gateway.policy.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mcpgateway.gateway.policy.attributes.Choice;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code <required-claims>}: every claim must be in the token, and hold the values written: all of them
 * ({@code match="all"}, the default) or one ({@code any}). A claim holds the items of its array, or its text split
 * at {@code separator} when one is written. The refusal names missing claims (the policy's words); it never repeats
 * a value the token holds.
 */
record RequiredClaims(List<Claim> claims) implements TokenRule {

    enum Match { ALL, ANY }

    record Claim(String name, Match match, String separator, List<Expression> values) {

        boolean satisfiedBy(List<String> held, PolicyCall call) {
            if (values.isEmpty()) {
                return true;
            }
            for (Expression value : values) {
                boolean holds = held.contains(value.evaluateText(call));
                if (holds && match == Match.ANY) {
                    return true;
                }
                if (!holds && match == Match.ALL) {
                    return false;
                }
            }
            return match == Match.ALL;
        }
    }

    /** The claims written in the element's {@code <required-claims>}; null when it has none. */
    static RequiredClaims compile(PolicyElement element) throws PolicyDocumentException {
        List<Claim> claims = new ArrayList<>();
        for (PolicyElement list : element.children("required-claims")) {
            for (PolicyElement claim : list.children("claim")) {
                String name = claim.attribute("name").evaluateText(null);
                if (name == null || name.isBlank()) {
                    throw new PolicyDocumentException(claim.name(), claim.line(), "the attribute 'name' is empty");
                }
                Expression separator = claim.attribute("separator");
                claims.add(new Claim(name.strip(), Choice.compile(claim, "match", Match.class, Match.ALL)
                        .evaluate(null), separator == null ? null : separator.evaluateText(null),
                        Items.texts(claim, "value")));
            }
        }
        return claims.isEmpty() ? null : new RequiredClaims(List.copyOf(claims));
    }

    @Override
    public String violation(JWTClaimsSet claims, PolicyCall call) {
        List<String> missing = new ArrayList<>();
        for (Claim claim : this.claims) {
            if (claims.getClaim(claim.name()) == null) {
                missing.add(claim.name());
            }
        }
        if (!missing.isEmpty()) {
            return "JWT is missing the following claims: " + String.join(", ", missing) + ". Access denied.";
        }
        for (Claim claim : this.claims) {
            if (!claim.satisfiedBy(held(claims.getClaim(claim.name()), claim.separator()), call)) {
                return "Claim " + claim.name() + " has a value that is not allowed. Access denied.";
            }
        }
        return null;
    }

    private static List<String> held(Object value, String separator) {
        if (value instanceof List<?> items) {
            return items.stream().map(RequiredClaims::text).toList();
        }
        String text = text(value);
        return separator == null || separator.isEmpty() ? List.of(text)
                : List.of(text.split(Pattern.quote(separator), -1));
    }

    private static String text(Object value) {
        // registered date claims (exp, nbf, iat) are parsed to dates; they are written as seconds in the token
        return value instanceof Date date ? Long.toString(date.getTime() / 1000) : String.valueOf(value);
    }
}
