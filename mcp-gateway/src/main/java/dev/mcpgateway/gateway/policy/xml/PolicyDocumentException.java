package dev.mcpgateway.gateway.policy.xml;

/**
 * A policy document is refused at load. The message names the element and its line and says why, for the author;
 * it never carries XML parser or expression parser internals.
 */
public class PolicyDocumentException extends Exception {

    private final String element;
    private final int line;

    public PolicyDocumentException(String element, int line, String problem) {
        super((element == null ? "" : "<" + element + "> at ") + "line " + line + ": " + problem);
        this.element = element;
        this.line = line;
    }

    /** The element at fault, or null when the document as a whole is (not well-formed XML, a DOCTYPE). */
    public String element() {
        return element;
    }

    public int line() {
        return line;
    }
}
