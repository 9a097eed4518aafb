package io.tillpoint.interfaces.soap;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a SOAP request may be before any XML parser that resolves anything sees it: well-formed,
 * a SOAP 1.1 envelope, no document type declaration (so no entity of any kind: no external
 * entity, no expansion bomb), no entity reference, no processing instruction, at most
 * {@value #MOST_DEPTH} levels and {@value #MOST_ELEMENTS} elements (the size is limited before:
 * 64 KiB). One streaming pass with a reader that supports no DTD and resolves nothing; it never
 * opens a file or a URL.
 */
final class XmlSafety {

    static final int MOST_DEPTH = 32;
    static final int MOST_ELEMENTS = 2_000;
    static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";

    private static final XMLInputFactory FACTORY = factory();

    /** Why a request is refused: the fault's code and what it says. */
    record Refusal(String code, String detail) {
    }

    private XmlSafety() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("no entity is resolved");
        });
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** Null when {@code body} may go on to the SOAP runtime; otherwise why not. */
    static Refusal check(byte[] body) {
        if (body.length == 0) {
            return new Refusal("invalid_request", "A SOAP 1.1 envelope is required");
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            int depth = 0;
            int elements = 0;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.NOTATION_DECLARATION:
                        return new Refusal("dtd_not_allowed", "A document type declaration (DTD) is not allowed");
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        return new Refusal("dtd_not_allowed", "Entity references are not allowed");
                    case XMLStreamConstants.PROCESSING_INSTRUCTION:
                        return new Refusal("malformed_xml", "Processing instructions are not allowed");
                    case XMLStreamConstants.START_ELEMENT:
                        if (elements == 0 && !(SOAP_11.equals(reader.getNamespaceURI())
                                && "Envelope".equals(reader.getLocalName()))) {
                            return new Refusal("invalid_request", "The document must be a SOAP 1.1 envelope ("
                                    + SOAP_11 + ")");
                        }
                        depth++;
                        elements++;
                        if (depth > MOST_DEPTH) {
                            return new Refusal("malformed_xml", "The XML is nested deeper than " + MOST_DEPTH + " levels");
                        }
                        if (elements > MOST_ELEMENTS) {
                            return new Refusal("malformed_xml", "The XML has more than " + MOST_ELEMENTS + " elements");
                        }
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        depth--;
                        break;
                    default:
                        break;
                }
            }
            return elements == 0 ? new Refusal("invalid_request", "A SOAP 1.1 envelope is required") : null;
        } catch (XMLStreamException | RuntimeException malformed) {
            // The parser's message may quote the request: it is not passed on.
            return new Refusal("malformed_xml", "The request is not well-formed XML");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was opened beyond the request's bytes
                }
            }
        }
    }
}
