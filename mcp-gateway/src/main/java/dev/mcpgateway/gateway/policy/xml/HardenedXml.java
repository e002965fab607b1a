package dev.mcpgateway.gateway.policy.xml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a policy document into {@link XmlElement}s with the JDK's StAX parser, hardened: no DTD (a DOCTYPE is
 * refused outright, so no entity of any kind, internal or external, is ever expanded), no external access. StAX
 * reports where a start tag ends; its beginning, the position an author looks for, is found in the source.
 */
final class HardenedXml {

    /** Deeper documents are refused rather than risking the stack of the loading thread. */
    static final int MAX_DEPTH = 64;

    private final String source;
    private final UnaryOperator<String> restore;
    private final int[] lineStarts;

    /** {@code restore} maps attribute values and text back to what was written (the rawxml placeholders). */
    HardenedXml(String source, UnaryOperator<String> restore) {
        this.source = source;
        this.restore = restore;
        this.lineStarts = IntStream.concat(IntStream.of(0),
                IntStream.range(0, source.length()).filter(i -> source.charAt(i) == '\n').map(i -> i + 1)).toArray();
    }

    XmlElement root() throws PolicyDocumentException {
        try {
            XMLStreamReader reader = factory().createXMLStreamReader(new StringReader(source));
            while (reader.hasNext()) {
                int event = reader.next();
                refuseDtd(reader, event);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return element(reader, 1);
                }
            }
            throw new PolicyDocumentException(null, 1, "the document has no element");
        } catch (XMLStreamException malformed) {
            Location at = malformed.getLocation();
            throw new PolicyDocumentException(null, at == null ? 1 : Math.max(at.getLineNumber(), 1),
                    "the document is not well-formed XML");
        }
    }

    private XmlElement element(XMLStreamReader reader, int depth) throws XMLStreamException, PolicyDocumentException {
        Location end = reader.getLocation();
        int start = source.lastIndexOf('<', lineStarts[end.getLineNumber() - 1] + end.getColumnNumber() - 2);
        String name = reader.getLocalName();
        if (depth > MAX_DEPTH) {
            throw new PolicyDocumentException(name, line(start), "is nested deeper than " + MAX_DEPTH + " elements");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), restore.apply(reader.getAttributeValue(i)));
        }
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            refuseDtd(reader, event);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(reader, depth + 1));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    String trimmed = text.toString().strip();
                    return new XmlElement(name, attributes, children,
                            trimmed.isEmpty() ? null : restore.apply(trimmed), line(start), column(start));
                }
                default -> {
                }
            }
        }
    }

    private void refuseDtd(XMLStreamReader reader, int event) throws PolicyDocumentException {
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new PolicyDocumentException(null, reader.getLocation().getLineNumber(),
                    "a DOCTYPE or entity declaration is not allowed in a policy document");
        }
    }

    private int line(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** A factory per document: the JDK does not promise that one factory is safe to share between threads. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
