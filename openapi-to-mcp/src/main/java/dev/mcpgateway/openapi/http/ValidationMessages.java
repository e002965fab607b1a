package dev.mcpgateway.openapi.http;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

/** Turns a validator error into {@code argument.path: problem}, the form the model can act on. */
final class ValidationMessages {

    private ValidationMessages() {
    }

    static String describe(Error error) {
        NodePath location = error.getInstanceLocation();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(element);
            }
        }
        String keyword = error.getKeyword();
        if ("required".equals(keyword) && error.getProperty() != null) {
            return join(path, error.getProperty()) + ": is required";
        }
        if (("additionalProperties".equals(keyword) || "unevaluatedProperties".equals(keyword))
                && error.getProperty() != null) {
            return join(path, error.getProperty()) + ": is not a known argument";
        }
        return (path.isEmpty() ? "arguments" : path) + ": " + problem(error.getMessage());
    }

    private static String join(StringBuilder parent, String property) {
        return parent.isEmpty() ? property : parent + "." + property;
    }

    /** The library prefixes its message with the instance location; the argument path replaces it. */
    private static String problem(String message) {
        if (message.startsWith("$") || message.startsWith("/")) {
            int colon = message.indexOf(": ");
            if (colon > 0) {
                return message.substring(colon + 2);
            }
        }
        return message;
    }
}
