package io.callmask.carrier.telnyx;

import io.callmask.carrier.voice.VoiceReply;
import io.callmask.carrier.voice.XmlResponse;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;

/**
 * Renders the shared flow's replies as TeXML, Telnyx's TwiML-compatible markup (verbs
 * {@code Say}, {@code Dial}/{@code Number}, {@code Gather}, {@code Redirect}, {@code Hangup} as
 * documented at developers.telnyx.com/docs/voice/programmable-voice/texml-verbs). Written with the
 * JDK's XML writer, which escapes every value.
 */
@Component
@TelnyxEnabled
class Texml {

    private final TelnyxWebhooks webhooks;

    Texml(TelnyxWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    String render(VoiceReply reply) {
        return XmlResponse.document("TeXML", xml -> {
            if (reply instanceof VoiceReply.Dial d) {
                dial(xml, d);
            } else if (reply instanceof VoiceReply.Menu m) {
                menu(xml, m);
            } else if (reply instanceof VoiceReply.Say s) {
                say(xml, s.messages());
            } else if (reply instanceof VoiceReply.SayAndHangUp s) {
                say(xml, List.of(s.message()));
                xml.writeEmptyElement("Hangup");
            } else if (reply instanceof VoiceReply.SayAndForward f) {
                say(xml, List.of(f.message()));
                xml.writeStartElement("Dial");
                xml.writeAttribute("callerId", f.callerId().e164());
                XmlResponse.element(xml, "Number", f.supportNumber());
                xml.writeEndElement();
            } else {
                xml.writeEmptyElement("Hangup");
            }
        });
    }

    /**
     * The callee's leg reports to our status webhook; with a whisper the callee hears it before the
     * bridge ({@code Number url}); a recorded call is recorded on two channels from the answer and
     * the caller hears the notice first.
     */
    private void dial(XMLStreamWriter xml, VoiceReply.Dial d) throws XMLStreamException {
        if (d.recorded()) {
            say(xml, List.of(d.consentNotice()));
        }
        xml.writeStartElement("Dial");
        xml.writeAttribute("callerId", d.callerId().e164());
        xml.writeAttribute("action", webhooks.dialComplete(d.callId()));
        xml.writeAttribute("method", "POST");
        xml.writeAttribute("timeout", String.valueOf(d.ringTimeout().toSeconds()));
        xml.writeAttribute("timeLimit", String.valueOf(d.timeLimit().toSeconds()));
        if (d.recorded()) {
            xml.writeAttribute("record", "record-from-answer-dual");
            xml.writeAttribute("recordingStatusCallback", webhooks.recording());
            xml.writeAttribute("recordingStatusCallbackMethod", "POST");
            xml.writeAttribute("recordingStatusCallbackEvent", "completed absent");
        }
        xml.writeStartElement("Number");
        if (d.whispered()) {
            xml.writeAttribute("url", webhooks.whisper(d.sessionId(), d.announceOrder(), d.recorded()));
            xml.writeAttribute("method", "POST");
        }
        xml.writeAttribute("statusCallback", webhooks.status(d.callId(), "callee"));
        xml.writeAttribute("statusCallbackEvent", "initiated ringing answered completed");
        xml.writeAttribute("statusCallbackMethod", "POST");
        xml.writeCharacters(d.number().e164());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** Silence falls through to the redirect, which reports the attempt without digits: a wrong code. */
    private void menu(XMLStreamWriter xml, VoiceReply.Menu m) throws XMLStreamException {
        String action = webhooks.menu(m.attempt());
        xml.writeStartElement("Gather");
        xml.writeAttribute("input", "dtmf");
        xml.writeAttribute("finishOnKey", "#");
        xml.writeAttribute("timeout", "8");
        xml.writeAttribute("action", action);
        say(xml, List.of(m.prompt()));
        xml.writeEndElement();
        xml.writeStartElement("Redirect");
        xml.writeAttribute("method", "POST");
        xml.writeCharacters(action);
        xml.writeEndElement();
    }

    private static void say(XMLStreamWriter xml, List<String> messages) throws XMLStreamException {
        for (String m : messages) {
            XmlResponse.element(xml, "Say", m);
        }
    }
}
