package io.callmask.conformance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a voice markup document (TwiML, TeXML, Plivo XML) into a {@link CarrierDriver.Reply},
 * given the carrier's element names. Only what the scenarios check is read.
 */
final class XmlReplies {

    /** Element and attribute names of one markup dialect. */
    /** {@code calleeStatusOnDial}: the callee's status URL is an attribute of Dial (Plivo), not of Number. */
    record Dialect(String say, String gather, String recordAttribute, String calleeStatusAttribute,
            boolean calleeStatusOnDial, String whisperAttribute) {}

    static final Dialect TWIML = new Dialect("Say", "Gather", "record", "statusCallback", false, "url");
    /** Plivo: the callee's status and whisper are attributes of Dial (callbackUrl, confirmSound). */
    static final Dialect PLIVO = new Dialect("Speak", "GetDigits", "record", "callbackUrl", true, "confirmSound");

    private XmlReplies() {}

    static CarrierDriver.Reply read(int status, String body, Dialect dialect) {
        if (status != 200 || body == null || !body.stripLeading().startsWith("<")) {
            return new CarrierDriver.Reply(status, body, List.of(), null, null, false, null, null, false, false, null,
                    null);
        }
        Document doc = parse(body);
        List<String> said = new ArrayList<>();
        NodeList says = doc.getElementsByTagName(dialect.say());
        for (int i = 0; i < says.getLength(); i++) {
            said.add(says.item(i).getTextContent().strip());
        }
        Element dial = first(doc, "Dial");
        Element number = dial == null ? null : first(dial, "Number");
        String record = dial == null ? "" : dial.getAttribute(dialect.recordAttribute());
        boolean recorded = (!record.isEmpty() && !record.equals("do-not-record") && !record.equals("false"))
                || first(doc, "Record") != null;
        return new CarrierDriver.Reply(status, body, said, number == null ? null : number.getTextContent().strip(),
                dial == null ? null : emptyToNull(dial.getAttribute("callerId")), recorded,
                dial == null ? null : emptyToNull(dial.getAttribute("action")),
                dialect.calleeStatusOnDial() ? (dial == null ? null : emptyToNull(dial.getAttribute(
                        dialect.calleeStatusAttribute())))
                        : number == null ? null : emptyToNull(number.getAttribute(dialect.calleeStatusAttribute())),
                first(doc, "Hangup") != null, first(doc, dialect.gather()) != null,
                first(doc, dialect.gather()) == null ? null : emptyToNull(first(doc, dialect.gather()).getAttribute("action")),
                dialect.calleeStatusOnDial() ? (dial == null ? null : emptyToNull(dial.getAttribute(dialect.whisperAttribute())))
                        : number == null ? null : emptyToNull(number.getAttribute(dialect.whisperAttribute())));
    }

    private static Document parse(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not a markup document: " + body, e);
        }
    }

    private static Element first(Document doc, String name) {
        NodeList list = doc.getElementsByTagName(name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static Element first(Element parent, String name) {
        NodeList list = parent.getElementsByTagName(name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
