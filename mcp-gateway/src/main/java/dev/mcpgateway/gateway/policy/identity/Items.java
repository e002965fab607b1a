package dev.mcpgateway.gateway.policy.identity;

import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.List;

/** Reads the text items of a list element ({@code <audiences><audience>}), refusing an empty one at load. */
final class Items {

    private Items() {
    }

    /** The texts of the element's {@code item} children, each as written (an expression stays one). */
    static List<Expression> texts(PolicyElement element, String item) throws PolicyDocumentException {
        List<Expression> texts = new ArrayList<>();
        for (PolicyElement child : element.children(item)) {
            Expression text = child.text();
            if (text == null || text.isConstant() && text.evaluateText(null).isBlank()) {
                throw new PolicyDocumentException(child.name(), child.line(), "is empty");
            }
            texts.add(text.isConstant() ? Expression.constant(text.evaluateText(null).strip()) : text);
        }
        return List.copyOf(texts);
    }

    /** The texts of {@code <list><item>...</item></list>} children of the element, in document order. */
    static List<Expression> texts(PolicyElement element, String list, String item) throws PolicyDocumentException {
        List<Expression> texts = new ArrayList<>();
        for (PolicyElement child : element.children(list)) {
            texts.addAll(texts(child, item));
        }
        return List.copyOf(texts);
    }

    /** Like {@link #texts(PolicyElement, String, String)}, for lists where APIM allows no expression. */
    static List<String> literals(PolicyElement element, String list, String item) throws PolicyDocumentException {
        List<String> literals = new ArrayList<>();
        for (PolicyElement child : element.children(list)) {
            for (PolicyElement entry : child.children(item)) {
                Expression text = entry.text();
                if (text != null && !text.isConstant()) {
                    throw new PolicyDocumentException(entry.name(), entry.line(), "takes no expression");
                }
            }
            texts(child, item).forEach(text -> literals.add(text.evaluateText(null)));
        }
        return List.copyOf(literals);
    }
}
