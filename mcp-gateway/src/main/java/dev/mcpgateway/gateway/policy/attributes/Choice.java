package dev.mcpgateway.gateway.policy.attributes;

import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import dev.mcpgateway.gateway.policy.expression.ValueType;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.util.Locale;

/**
 * An attribute taking one word of a closed set ({@code exists-action}, {@code ip-filter action}), matched ignoring
 * case as APIM does, each word an enum constant ({@code append} is {@code APPEND}). Text is checked against the set
 * by the catalog and resolved here once; an expression is resolved per call.
 */
public final class Choice<E extends Enum<E>> {

    private final Class<E> type;
    private final E constant;
    private final Expression expression;

    private Choice(Class<E> type, E constant, Expression expression) {
        this.type = type;
        this.constant = constant;
        this.expression = expression;
    }

    /** The attribute's word, {@code fallback} when it is not written. */
    public static <E extends Enum<E>> Choice<E> compile(PolicyElement element, String attribute, Class<E> type,
                                                        E fallback) throws PolicyDocumentException {
        Expression written = element.attribute(attribute);
        if (written == null) {
            return new Choice<>(type, fallback, null);
        }
        if (written.isConstant()) {
            E word = word(type, written.evaluateText(null));
            if (word == null) {
                throw new PolicyDocumentException(element.name(), element.line(), "the attribute '" + attribute
                        + "' must be one of " + words(type));
            }
            return new Choice<>(type, word, null);
        }
        ExpressionTypes.require(element, "the attribute '" + attribute + "'", written, ValueType.STRING,
                ValueType.OBJECT);
        return new Choice<>(type, null, written);
    }

    /** The chosen word, or null when the expression gave none of the set. */
    public E evaluate(PolicyContext context) {
        return expression == null ? constant : word(type, expression.evaluateText(context));
    }

    private static <E extends Enum<E>> E word(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String name = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(name)) {
                return candidate;
            }
        }
        return null;
    }

    private static String words(Class<? extends Enum<?>> type) {
        StringBuilder words = new StringBuilder();
        for (Enum<?> candidate : type.getEnumConstants()) {
            words.append(words.isEmpty() ? "" : ", ").append(candidate.name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
        }
        return words.toString();
    }
}
