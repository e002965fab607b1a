package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A parsed ARM template expression: the text between the outer brackets of {@code "[concat(...)]"}. */
sealed interface Expression {

    /** A string or integer written in the expression. */
    record Literal(JsonNode value) implements Expression {
    }

    /** {@code name(arguments)}; user-defined functions keep their namespace ({@code ns.fn}). */
    record Call(String function, List<Expression> arguments) implements Expression {
    }

    /** {@code target.name} */
    record Property(Expression target, String name) implements Expression {
    }

    /** {@code target[index]} */
    record Index(Expression target, Expression index) implements Expression {
    }
}
