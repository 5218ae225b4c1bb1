package io.callmask.emulator;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads a TwiML {@code <Response>} into {@link Verb}s. DTDs and external entities are refused: webhook answers
 * come from outside and must not make the emulator read files or URLs.
 */
final class TwimlParser {

    private TwimlParser() {
    }

    static List<Verb> parse(String xml) throws TwimlException {
        Element root;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            root = builder.parse(new InputSource(new StringReader(xml == null ? "" : xml.strip())))
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new TwimlException("Document parse failure: " + e.getMessage());
        }
        if (!"Response".equals(root.getTagName())) {
            throw new TwimlException("Document parse failure: root element is <" + root.getTagName()
                    + ">, expected <Response>");
        }
        return verbs(root);
    }

    private static List<Verb> verbs(Element parent) throws TwimlException {
        List<Verb> verbs = new ArrayList<>();
        for (Element e : children(parent)) {
            verbs.add(verb(e));
        }
        return verbs;
    }

    private static Verb verb(Element e) throws TwimlException {
        switch (e.getTagName()) {
            case "Say":
                return new Verb.Say(e.getTextContent().strip());
            case "Play":
                return new Verb.Play(e.getTextContent().strip());
            case "Pause":
                return new Verb.Pause(number(e, "length", 1));
            case "Hangup":
                return new Verb.Hangup();
            case "Reject":
                return new Verb.Reject(attr(e, "reason", "rejected"));
            case "Redirect":
                return new Verb.Redirect(e.getTextContent().strip(), attr(e, "method", "POST"));
            case "Dial":
                return dial(e);
            case "Gather":
                return new Verb.Gather((int) number(e, "numDigits", 0), attr(e, "action", null),
                        attr(e, "method", "POST"), number(e, "timeout", 5), attr(e, "finishOnKey", "#"),
                        verbs(e));
            default:
                throw new TwimlException("Document parse failure: unsupported verb <" + e.getTagName() + ">");
        }
    }

    private static Verb.Dial dial(Element e) throws TwimlException {
        Verb.DialNumber number = null;
        List<Element> nouns = children(e);
        if (nouns.isEmpty()) {
            number = new Verb.DialNumber(e.getTextContent().strip(), null, "POST", null, Set.of(), "POST");
        } else {
            Element n = nouns.get(0); // simultaneous dialling of several numbers is not emulated
            if (!"Number".equals(n.getTagName())) {
                throw new TwimlException("Document parse failure: <Dial> noun <" + n.getTagName()
                        + "> is not supported");
            }
            Set<String> events = new LinkedHashSet<>(List.of(attr(n, "statusCallbackEvent", "").split("\\s+")));
            events.retainAll(StatusCallback.KNOWN_EVENTS);
            number = new Verb.DialNumber(n.getTextContent().strip(), attr(n, "url", null), attr(n, "method", "POST"),
                    attr(n, "statusCallback", null), events, attr(n, "statusCallbackMethod", "POST"));
        }
        String limit = attr(e, "timeLimit", null);
        return new Verb.Dial(attr(e, "callerId", null), attr(e, "action", null), attr(e, "method", "POST"),
                number(e, "timeout", 30), limit == null ? null : number(e, "timeLimit", 14400), number, recording(e));
    }

    /** Twilio's {@code record} values on {@code <Dial>}; {@code true}/{@code false} are the older spelling. */
    private static Verb.DialRecording recording(Element dial) throws TwimlException {
        String record = attr(dial, "record", "do-not-record");
        boolean fromRinging;
        switch (record) {
            case "do-not-record":
            case "false":
                return null;
            case "record-from-answer":
            case "record-from-answer-dual":
            case "true":
                fromRinging = false;
                break;
            case "record-from-ringing":
            case "record-from-ringing-dual":
                fromRinging = true;
                break;
            default:
                throw new TwimlException("Document parse failure: <Dial record=\"" + record + "\"> is not supported");
        }
        Set<String> events = new LinkedHashSet<>(List.of(attr(dial, "recordingStatusCallbackEvent", "").split("\\s+")));
        events.retainAll(RecordingCallback.KNOWN_EVENTS);
        if (events.isEmpty()) {
            events.add("completed");
        }
        return new Verb.DialRecording(fromRinging, record.endsWith("-dual"),
                attr(dial, "recordingStatusCallback", null), attr(dial, "recordingStatusCallbackMethod", "POST"),
                Set.copyOf(events));
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static String attr(Element e, String name, String fallback) {
        return e.hasAttribute(name) ? e.getAttribute(name).strip() : fallback;
    }

    private static double number(Element e, String name, double fallback) throws TwimlException {
        String value = attr(e, name, null);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException ex) {
            throw new TwimlException("Document parse failure: <" + e.getTagName() + " " + name + "=\"" + value
                    + "\"> is not a number");
        }
    }
}
