package dev.mcpgateway.gateway.policy.xml;

/**
 * How a policy document is written, as the {@code format} property of APIM's policy resource: {@code xml}, escaped
 * as XML requires, or {@code rawxml}, with expressions written as plain C# inside the XML.
 */
public enum PolicyFormat {
    XML,
    RAWXML;

    /** The format of the property value ({@code xml} or {@code rawxml}, any case); null reads as {@code xml}. */
    public static PolicyFormat of(String property) {
        return property != null && property.equalsIgnoreCase("rawxml") ? RAWXML : XML;
    }
}
