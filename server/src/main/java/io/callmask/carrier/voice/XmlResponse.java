package io.callmask.carrier.voice;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A {@code <Response>} document as the XML markups write one (TeXML, Plivo XML), through the JDK's
 * XML writer, so every attribute and text is escaped; the adapters write only the verbs inside.
 */
public final class XmlResponse {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private XmlResponse() {}

    /** What goes inside {@code <Response>}. */
    public interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    /** @param markup the markup's name, for the error should the JDK's writer fail */
    public static String document(String markup, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Response");
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(markup + " could not be written", e);
        }
        return out.toString();
    }

    /** {@code <name>text</name>}. */
    public static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
