package io.callmask.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TwimlParserTest {

    @Test
    void readsDialWithNumberAttributes() throws TwimlException {
        List<Verb> verbs = TwimlParser.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Response>
                  <Say>Connecting</Say>
                  <Dial callerId="+918000000001" action="/done" timeout="20" timeLimit="600" record="true">
                    <Number url="/whisper" statusCallback="http://x/status" statusCallbackEvent="ringing answered">+919876543210</Number>
                  </Dial>
                  <Hangup/>
                </Response>""");

        assertThat(verbs).containsExactly(new Verb.Say("Connecting"),
                new Verb.Dial("+918000000001", "/done", "POST", 20, 600.0,
                        new Verb.DialNumber("+919876543210", "/whisper", "POST", "http://x/status",
                                Set.of("ringing", "answered"), "POST"),
                        new Verb.DialRecording(false, false, null, "POST", Set.of("completed"))),
                new Verb.Hangup());
    }

    @Test
    void readsBareDialAndGatherDefaults() throws TwimlException {
        assertThat(TwimlParser.parse("<Response><Dial>+919876543210</Dial><Gather><Say>Hi</Say></Gather></Response>"))
                .containsExactly(new Verb.Dial(null, null, "POST", 30, null,
                                new Verb.DialNumber("+919876543210", null, "POST", null, Set.of(), "POST"), null),
                        new Verb.Gather(0, null, "POST", 5, "#", List.of(new Verb.Say("Hi"))));
    }

    @Test
    void readsDialRecordingAttributes() throws TwimlException {
        Verb.Dial dial = (Verb.Dial) TwimlParser.parse("""
                <Response><Dial record="record-from-answer-dual" recordingStatusCallback="/rec"
                  recordingStatusCallbackMethod="GET" recordingStatusCallbackEvent="completed absent bogus">
                  <Number>+919876543210</Number></Dial></Response>""").get(0);
        Verb.Dial ringing = (Verb.Dial) TwimlParser.parse(
                "<Response><Dial record=\"record-from-ringing\">+919876543210</Dial></Response>").get(0);

        assertThat(dial.recording()).isEqualTo(new Verb.DialRecording(false, true, "/rec", "GET",
                Set.of("completed", "absent")));
        assertThat(ringing.recording()).isEqualTo(new Verb.DialRecording(true, false, null, "POST",
                Set.of("completed")));
        assertThat(((Verb.Dial) TwimlParser.parse("<Response><Dial record=\"do-not-record\">+919876543210</Dial>"
                + "</Response>").get(0)).recording()).isNull();
        assertThatThrownBy(() -> TwimlParser.parse("<Response><Dial record=\"always\">+919876543210</Dial></Response>"))
                .isInstanceOf(TwimlException.class).hasMessageContaining("record=\"always\"");
    }

    @Test
    void refusesDoctypesSoNoExternalEntityIsRead() {
        assertThatThrownBy(() -> TwimlParser.parse("""
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Response><Say>&x;</Say></Response>"""))
                .isInstanceOf(TwimlException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesOtherRootsAndBrokenXml() {
        assertThatThrownBy(() -> TwimlParser.parse("<html/>")).hasMessageContaining("<html>");
        assertThatThrownBy(() -> TwimlParser.parse("<Response><Dial>")).isInstanceOf(TwimlException.class);
        assertThatThrownBy(() -> TwimlParser.parse("")).isInstanceOf(TwimlException.class);
    }
}
