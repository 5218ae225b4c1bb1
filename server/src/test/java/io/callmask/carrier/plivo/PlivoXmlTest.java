package io.callmask.carrier.plivo;

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

/** The exact Plivo XML documents the Plivo adapter answers: they are the contract with Plivo. */
class PlivoXmlTest {

    private final PlivoXml xml = new PlivoXml(new PlivoWebhooks(new PublicBaseUrl(new CallmaskProperties(List.of(),
            List.of(), URI.create("https://cm.example.com"), "IN", Path.of("data"), List.of(), List.of()))));

    @Test
    void aRecordedDialIsOneExactDocumentWithNumbersWithoutPlus() {
        String doc = xml.render(new VoiceReply.Dial("call_1", PhoneNumber.ofE164("+919876543210"),
                PhoneNumber.ofE164("+918047180002"), Duration.ofSeconds(30), Duration.ofHours(4), "ses_1", false,
                "This call will be recorded."));
        assertThat(doc).isEqualTo("<?xml version='1.0' encoding='UTF-8'?><Response>"
                + "<Speak>This call will be recorded.</Speak>"
                + "<Record startOnDialAnswer=\"true\" redirect=\"false\" maxLength=\"14400\""
                + " callbackUrl=\"https://cm.example.com/webhooks/plivo/recording?call=call_1\" callbackMethod=\"POST\"/>"
                + "<Dial callerId=\"918047180002\" action=\"https://cm.example.com/webhooks/plivo/dial-complete?call=call_1\""
                + " method=\"POST\" timeout=\"30\" timeLimit=\"14400\""
                + " callbackUrl=\"https://cm.example.com/webhooks/plivo/dial-events?call=call_1\" callbackMethod=\"POST\""
                + " confirmSound=\"https://cm.example.com/webhooks/plivo/whisper?session=ses_1&amp;order=false&amp;consent=true\">"
                + "<Number>919876543210</Number></Dial></Response>");
    }

    @Test
    void theMenuGetsDigitsWithoutLoggingThem() {
        assertThat(xml.render(new VoiceReply.Menu(1, "Enter the code.")))
                .isEqualTo("<?xml version='1.0' encoding='UTF-8'?><Response>"
                        + "<GetDigits action=\"https://cm.example.com/webhooks/plivo/menu?attempt=1\" method=\"POST\""
                        + " timeout=\"8\" finishOnKey=\"#\" retries=\"1\" log=\"false\"><Speak>Enter the code.</Speak>"
                        + "</GetDigits><Redirect method=\"POST\">https://cm.example.com/webhooks/plivo/menu?attempt=1"
                        + "</Redirect></Response>");
    }

    @Test
    void aForwardToSupportShowsTheDialledNumber() {
        assertThat(xml.render(new VoiceReply.SayAndForward("Connecting you to support.", "+918000000000",
                PhoneNumber.ofE164("+918047180001"))))
                .isEqualTo("<?xml version='1.0' encoding='UTF-8'?><Response><Speak>Connecting you to support."
                        + "</Speak><Dial callerId=\"918047180001\"><Number>918000000000</Number></Dial></Response>");
    }

    @Test
    void plivosStatusWordsMapToLegStates() {
        assertThat(PlivoWebhookController.callStatus("cancel")).hasToString("CANCELED");
        assertThat(PlivoWebhookController.callStatus("timeout")).hasToString("FAILED");
        assertThat(PlivoWebhookController.dialStatus("timeout")).hasToString("NO_ANSWER");
        assertThat(PlivoWebhookController.dialStatus("busy")).hasToString("BUSY");
    }
}
