package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.ExpressionException;
import dev.mcpgateway.gateway.policy.expression.Expressions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template language of the {@code llm.*} properties ({@code counter-key}, metric dimensions), translated into the
 * engine's expressions, which then evaluate it: text with the placeholders {@code {subscription}},
 * {@code {client-ip}}, {@code {header:Name}} and {@code {claim:name}} (of the caller's gateway token), or APIM's
 * {@code @(context.Subscription.Id)} and {@code @(context.Request.IpAddress)} written inside the text. A value that
 * is one {@code @(...)} expression is taken as it is. A missing value reads as empty, so a request without the header
 * shares the empty value's counter rather than escaping the limit.
 */
final class CounterKeyTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{(subscription|client-ip|header:[^}]+|claim:[^}]+)}"
                    + "|@\\(context\\.Subscription\\.Id\\)|@\\(context\\.Request\\.IpAddress\\)");

    private CounterKeyTemplate() {
    }

    /** @throws IllegalArgumentException naming the template when it is blank or has an unknown placeholder */
    static Expression translate(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("counter-key must not be blank");
        }
        if (Expressions.isExpression(template) && PLACEHOLDER.matcher(template).replaceAll("").contains("@(")) {
            return compile(template);
        }
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            literal(template.substring(last, m.start()), parts, template);
            parts.add(placeholder(m.group(1) != null ? m.group(1) : m.group()));
            last = m.end();
        }
        literal(template.substring(last), parts, template);
        if (parts.size() == 1 && last == 0) {
            return Expression.constant(template);
        }
        return compile("@(" + String.join(" + ", parts) + ")");
    }

    private static void literal(String text, List<String> parts, String template) {
        if (text.contains("{") || text.contains("@(")) {
            throw new IllegalArgumentException("counter-key '" + template + "' has an unknown placeholder near '"
                    + text + "'; use {subscription}, {client-ip}, {header:Name} or {claim:name}");
        }
        if (!text.isEmpty()) {
            parts.add(quoted(text));
        }
    }

    private static String placeholder(String token) {
        if (token.equals("subscription") || token.equals("@(context.Subscription.Id)")) {
            return "context.Subscription.Id";
        }
        if (token.equals("client-ip") || token.equals("@(context.Request.IpAddress)")) {
            return "context.Request.IpAddress";
        }
        if (token.startsWith("header:")) {
            return header(token.substring("header:".length()).strip());
        }
        // the consumer resolver has validated the bearer token by now: its claims are the caller's
        return header("Authorization") + ".AsJwt()?.Claims.GetValueOrDefault("
                + quoted(token.substring("claim:".length()).strip()) + ", \"\")";
    }

    private static String header(String name) {
        return "context.Request.Headers.GetValueOrDefault(" + quoted(name) + ", \"\")";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Expression compile(String expression) {
        try {
            return Expressions.compile(expression);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException("counter-key '" + expression + "': " + e.getMessage(), e);
        }
    }
}
