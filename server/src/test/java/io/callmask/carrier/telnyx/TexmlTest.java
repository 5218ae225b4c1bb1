package io.callmask.carrier.telnyx;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.config.CallmaskProperties;
import io.callmask.carrier.voice.VoiceReply;
import io.callmask.core.number.PhoneNumber;
import io.callmask.web.PublicBaseUrl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact TeXML documents the Telnyx adapter answers: they are the contract with Telnyx. */
class TexmlTest {

    private final Texml texml = new Texml(new TelnyxWebhooks(new PublicBaseUrl(new CallmaskProperties(List.of(),
            List.of(), URI.create("https://cm.example.com"), "IN", Path.of("data"), List.of(), List.of()))));

    @Test
    void aRecordedDialToAHubPartyIsOneExactDocument() {
        String xml = texml.render(new VoiceReply.Dial("call_1", PhoneNumber.ofE164("+919876543210"),
                PhoneNumber.ofE164("+918047180002"), Duration.ofSeconds(30), Duration.ofHours(4), "ses_1", true,
                "This call will be recorded."));
        assertThat(xml).isEqualTo("<?xml version='1.0' encoding='UTF-8'?><Response>"
                + "<Say>This call will be recorded.</Say>"
                + "<Dial callerId=\"+918047180002\" action=\"https://cm.example.com/webhooks/telnyx/dial-complete?call=call_1\""
                + " method=\"POST\" timeout=\"30\" timeLimit=\"14400\" record=\"record-from-answer-dual\""
                + " recordingStatusCallback=\"https://cm.example.com/webhooks/telnyx/recording\""
                + " recordingStatusCallbackMethod=\"POST\" recordingStatusCallbackEvent=\"completed absent\">"
                + "<Number url=\"https://cm.example.com/webhooks/telnyx/whisper?session=ses_1&amp;consent=true\""
                + " method=\"POST\" statusCallback=\"https://cm.example.com/webhooks/telnyx/status?call=call_1&amp;leg=callee\""
                + " statusCallbackEvent=\"initiated ringing answered completed\" statusCallbackMethod=\"POST\">"
                + "+919876543210</Number></Dial></Response>");
    }

    @Test
    void theMenuGathersDigitsAndTreatsSilenceAsAnAttempt() {
        assertThat(texml.render(new VoiceReply.Menu(2, "Enter the code & press hash.")))
                .isEqualTo("<?xml version='1.0' encoding='UTF-8'?><Response>"
                        + "<Gather input=\"dtmf\" finishOnKey=\"#\" timeout=\"8\""
                        + " action=\"https://cm.example.com/webhooks/telnyx/menu?attempt=2\">"
                        + "<Say>Enter the code &amp; press hash.</Say></Gather>"
                        + "<Redirect method=\"POST\">https://cm.example.com/webhooks/telnyx/menu?attempt=2</Redirect>"
                        + "</Response>");
    }

    @Test
    void aRefusalSpeaksThenHangsUp() {
        assertThat(texml.render(new VoiceReply.SayAndHangUp("Goodbye <now>.")))
                .isEqualTo("<?xml version='1.0' encoding='UTF-8'?><Response><Say>Goodbye &lt;now>.</Say>"
                        + "<Hangup/></Response>");
    }
}
