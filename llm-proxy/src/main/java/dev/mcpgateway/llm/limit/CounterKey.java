package dev.mcpgateway.llm.limit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled {@code counter-key} expression. The expression is a template of literal text and placeholders,
 * compiled once at configuration load:
 * <ul>
 *   <li>{@code {subscription}} or APIM's {@code @(context.Subscription.Id)}: the subscription id</li>
 *   <li>{@code {client-ip}} or {@code @(context.Request.IpAddress)}: the caller's IP address</li>
 *   <li>{@code {header:Name}}: a request header</li>
 *   <li>{@code {claim:name}}: a claim of the caller's JWT</li>
 * </ul>
 * Combinations such as {@code {subscription}/{header:x-user}} give one counter per combined value. A missing
 * value renders as the empty string, so requests lacking a header share that key's "empty" counter rather
 * than escaping the limit.
 */
public final class CounterKey {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{(subscription|client-ip|header:[^}]+|claim:[^}]+)}"
                    + "|@\\(context\\.Subscription\\.Id\\)|@\\(context\\.Request\\.IpAddress\\)");

    private final String expression;
    private final List<Part> parts;

    private CounterKey(String expression, List<Part> parts) {
        this.expression = expression;
        this.parts = List.copyOf(parts);
    }

    /**
     * Compiles an expression.
     *
     * @throws IllegalArgumentException naming the expression when it is blank or has an unknown placeholder
     */
    public static CounterKey compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("counter-key must not be blank");
        }
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(expression);
        int last = 0;
        while (m.find()) {
            literal(expression.substring(last, m.start()), parts, expression);
            parts.add(placeholder(m.group(1) != null ? m.group(1) : m.group()));
            last = m.end();
        }
        literal(expression.substring(last), parts, expression);
        return new CounterKey(expression, parts);
    }

    /** The counter this request counts against. */
    public String evaluate(RequestAttributes request) {
        StringBuilder key = new StringBuilder();
        for (Part part : parts) {
            key.append(part.render(request));
        }
        return key.toString();
    }

    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return "CounterKey[" + expression + "]";
    }

    private static void literal(String text, List<Part> parts, String expression) {
        if (text.contains("{") || text.contains("@(")) {
            throw new IllegalArgumentException("counter-key '" + expression + "' has an unknown placeholder near '"
                    + text + "'; use {subscription}, {client-ip}, {header:Name} or {claim:name}");
        }
        if (!text.isEmpty()) {
            parts.add(r -> text);
        }
    }

    private static Part placeholder(String token) {
        if (token.equals("subscription") || token.equals("@(context.Subscription.Id)")) {
            return r -> r.subscriptionId().orElse("");
        }
        if (token.equals("client-ip") || token.equals("@(context.Request.IpAddress)")) {
            return r -> r.clientIp().orElse("");
        }
        if (token.startsWith("header:")) {
            String name = token.substring("header:".length()).trim();
            return r -> r.header(name).orElse("");
        }
        String claim = token.substring("claim:".length()).trim();
        return r -> r.jwtClaim(claim).orElse("");
    }

    @FunctionalInterface
    private interface Part {
        String render(RequestAttributes request);
    }
}
