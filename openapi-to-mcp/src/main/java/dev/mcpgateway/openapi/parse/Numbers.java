package dev.mcpgateway.openapi.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Swagger's models hold bounds as BigDecimal, which would print as {@code 1E+2}: whole numbers become integers,
 * the rest doubles, as they were written in the spec. Iterative, so a deep document cannot overflow the stack.
 */
final class Numbers {

    private Numbers() {
    }

    static JsonNode normalise(JsonNode root) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node instanceof ObjectNode object) {
                for (Map.Entry<String, JsonNode> e : object.properties()) {
                    if (e.getValue().isBigDecimal()) {
                        e.setValue(plain(e.getValue().decimalValue()));
                    } else if (e.getValue().isContainerNode()) {
                        todo.push(e.getValue());
                    }
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isBigDecimal()) {
                        array.set(i, plain(array.get(i).decimalValue()));
                    } else if (array.get(i).isContainerNode()) {
                        todo.push(array.get(i));
                    }
                }
            }
        }
        return root;
    }

    private static JsonNode plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return JsonNodeFactory.instance.numberNode(stripped.longValueExact());
        }
        return JsonNodeFactory.instance.numberNode(value.doubleValue());
    }
}
