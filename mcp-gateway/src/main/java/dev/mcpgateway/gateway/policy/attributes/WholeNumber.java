package dev.mcpgateway.gateway.policy.attributes;

import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.PolicyContext;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * A whole-number attribute ({@code calls}, {@code renewal-period}, {@code increment-count}, {@code retry}'s
 * {@code count}). Written as a literal it is checked at load, so a bad value refuses the document naming the element
 * and line; written as an expression it is read per call, and a value outside the rule reads as null.
 */
public record WholeNumber(Expression expression, LongPredicate valid) {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    /**
     * The attribute, or null when the element leaves it out.
     *
     * @param rule what {@code valid} accepts, for the author: "a positive whole number"
     */
    public static WholeNumber of(PolicyElement element, String attribute, LongPredicate valid, String rule)
            throws PolicyDocumentException {
        Expression expression = element.attribute(attribute);
        if (expression == null) {
            return null;
        }
        WholeNumber number = new WholeNumber(expression, valid);
        if (expression.isConstant() && number.value(null) == null) {
            throw new PolicyDocumentException(element.name(), element.line(), "the attribute '" + attribute
                    + "' must be " + rule + ", not '" + expression.evaluateText(null) + "'");
        }
        return number;
    }

    /** The attribute as a literal: its value, or null when it is left out. */
    public static Long literal(PolicyElement element, String attribute, LongPredicate valid, String rule)
            throws PolicyDocumentException {
        WholeNumber number = of(element, attribute, valid, rule);
        return number == null ? null : number.value(null);
    }

    public boolean isConstant() {
        return expression.isConstant();
    }

    /** The value for this call, or null when it is not a whole number the rule accepts. */
    public Long value(PolicyContext context) {
        String text = expression.evaluateText(context);
        if (text == null || !DIGITS.matcher(text.strip()).matches()) {
            return null;
        }
        long value = Long.parseLong(text.strip());
        return valid.test(value) ? value : null;
    }
}
