package dev.mcpgateway.gateway.policy.xml;

import java.util.Arrays;

/** The sections of a policy document, in the order APIM runs them. */
public enum Section {
    INBOUND("inbound"),
    BACKEND("backend"),
    OUTBOUND("outbound"),
    ON_ERROR("on-error");

    private final String xmlName;

    Section(String xmlName) {
        this.xmlName = xmlName;
    }

    public String xmlName() {
        return xmlName;
    }

    /** The section of that element name, or null. */
    public static Section byXmlName(String name) {
        return Arrays.stream(values()).filter(section -> section.xmlName.equals(name)).findFirst().orElse(null);
    }
}
