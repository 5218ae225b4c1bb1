package io.callmask.carrier.plivo;

import io.callmask.carrier.voice.VoiceReply;
import io.callmask.carrier.voice.XmlResponse;
import io.callmask.core.number.PhoneNumber;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;

/**
 * Renders the shared flow's replies as Plivo XML ({@code Speak}, {@code Dial}/{@code Number},
 * {@code GetDigits}, {@code Record}, {@code Redirect}, {@code Hangup}; plivo.com/docs/voice/xml).
 * Plivo writes numbers as digits with the country code and no {@code +}.
 */
@Component
@PlivoEnabled
class PlivoXml {

    private final PlivoWebhooks webhooks;

    PlivoXml(PlivoWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    static String digits(PhoneNumber number) {
        return number.e164().substring(1);
    }

    String render(VoiceReply reply) {
        return XmlResponse.document("Plivo XML", xml -> {
            if (reply instanceof VoiceReply.Dial d) {
                dial(xml, d);
            } else if (reply instanceof VoiceReply.Menu m) {
                menu(xml, m);
            } else if (reply instanceof VoiceReply.Say s) {
                speak(xml, s.messages());
            } else if (reply instanceof VoiceReply.SayAndHangUp s) {
                speak(xml, List.of(s.message()));
                xml.writeEmptyElement("Hangup");
            } else if (reply instanceof VoiceReply.SayAndForward f) {
                speak(xml, List.of(f.message()));
                xml.writeStartElement("Dial");
                xml.writeAttribute("callerId", digits(f.callerId()));
                XmlResponse.element(xml, "Number", f.supportNumber().replaceFirst("^\\+", ""));
                xml.writeEndElement();
            } else {
                xml.writeEmptyElement("Hangup");
            }
        });
    }

    /**
     * A recorded call: the caller hears the notice, and {@code Record startOnDialAnswer} records from
     * the callee's answer without holding up the dial ({@code redirect=false}). The callee's whisper is
     * the Dial's {@code confirmSound} (Speak only). Its leg reports to {@code callbackUrl}; the Dial's
     * outcome comes to {@code action}.
     */
    private void dial(XMLStreamWriter xml, VoiceReply.Dial d) throws XMLStreamException {
        if (d.recorded()) {
            speak(xml, List.of(d.consentNotice()));
            xml.writeEmptyElement("Record");
            xml.writeAttribute("startOnDialAnswer", "true");
            xml.writeAttribute("redirect", "false");
            xml.writeAttribute("maxLength", String.valueOf(d.timeLimit().toSeconds()));
            xml.writeAttribute("callbackUrl", webhooks.recording(d.callId()));
            xml.writeAttribute("callbackMethod", "POST");
        }
        xml.writeStartElement("Dial");
        xml.writeAttribute("callerId", digits(d.callerId()));
        xml.writeAttribute("action", webhooks.dialComplete(d.callId()));
        xml.writeAttribute("method", "POST");
        xml.writeAttribute("timeout", String.valueOf(d.ringTimeout().toSeconds()));
        xml.writeAttribute("timeLimit", String.valueOf(d.timeLimit().toSeconds()));
        xml.writeAttribute("callbackUrl", webhooks.dialEvents(d.callId()));
        xml.writeAttribute("callbackMethod", "POST");
        if (d.whispered()) {
            xml.writeAttribute("confirmSound", webhooks.whisper(d.sessionId(), d.announceOrder(), d.recorded()));
        }
        XmlResponse.element(xml, "Number", digits(d.number()));
        xml.writeEndElement();
    }

    /** Silence falls through to the redirect, which reports the attempt without digits: a wrong code. */
    private void menu(XMLStreamWriter xml, VoiceReply.Menu m) throws XMLStreamException {
        String action = webhooks.menu(m.attempt());
        xml.writeStartElement("GetDigits");
        xml.writeAttribute("action", action);
        xml.writeAttribute("method", "POST");
        xml.writeAttribute("timeout", "8");
        xml.writeAttribute("finishOnKey", "#");
        xml.writeAttribute("retries", "1");
        xml.writeAttribute("log", "false"); // an order code is not Plivo's to keep in its logs
        speak(xml, List.of(m.prompt()));
        xml.writeEndElement();
        xml.writeStartElement("Redirect");
        xml.writeAttribute("method", "POST");
        xml.writeCharacters(action);
        xml.writeEndElement();
    }

    private static void speak(XMLStreamWriter xml, List<String> messages) throws XMLStreamException {
        for (String m : messages) {
            XmlResponse.element(xml, "Speak", m);
        }
    }
}
