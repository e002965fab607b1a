package dev.mcpgateway.gateway.policy.xml;

import java.util.function.UnaryOperator;

/**
 * Reads APIM policy documents ({@code <policies><inbound>...</inbound>...</policies>}) for the engine: hardened XML,
 * every element checked against the {@link PolicyCatalog}, every {@code @(...)} compiled. Anything not supported is
 * refused with its element and line, never ignored.
 */
public final class PolicyDocuments {

    private PolicyDocuments() {
    }

    public static PolicyDocument read(String xml) throws PolicyDocumentException {
        return read(xml, PolicyFormat.XML);
    }

    public static PolicyDocument read(String value, PolicyFormat format) throws PolicyDocumentException {
        boolean raw = format == PolicyFormat.RAWXML;
        String source = raw ? RawXml.protect(value) : value;
        XmlElement root = new HardenedXml(source, raw ? RawXml::restore : UnaryOperator.identity()).root();
        return DocumentReader.read(root);
    }
}
