package dev.mcpgateway.gateway.policy.xml;

import java.util.List;
import java.util.Map;

/** An element as the XML reader found it, before the catalog gives it meaning; {@code text} is trimmed or null. */
record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text, int line,
                  int column) {
}
