package io.callmask.carrier.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.core.config.CallmaskProperties;
import io.callmask.core.call.LegStatus;
import io.callmask.carrier.voice.VoiceReply;
import io.callmask.core.number.PhoneNumber;
import io.callmask.web.Problem;
import io.callmask.web.PublicBaseUrl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The exact NCCO documents the Vonage adapter answers: they are the contract with Vonage. Field
 * names as the official server-sdk 9.3.1 builders write them (research notes, vonage.md §2).
 */
class NccoTest {

    private final Ncco ncco = new Ncco(new VonageWebhooks(new PublicBaseUrl(new CallmaskProperties(List.of(),
            List.of(), URI.create("https://cm.example.com"), "IN", Path.of("data"), List.of(), List.of()))));

    @Test
    void aRecordedWhisperedDialIsOneExactDocumentWithNumbersWithoutPlus() {
        String doc = ncco.render(new VoiceReply.Dial("call_1", PhoneNumber.ofE164("+919876543210"),
                PhoneNumber.ofE164("+918047180002"), Duration.ofSeconds(30), Duration.ofHours(4), "ses_1", false,
                "This call will be recorded."));
        assertThat(doc).isEqualTo("["
                + "{\"action\":\"talk\",\"text\":\"This call will be recorded.\"},"
                + "{\"action\":\"record\",\"split\":\"conversation\",\"channels\":2,"
                + "\"eventUrl\":[\"https://cm.example.com/webhooks/vonage/recording?call=call_1\"],\"eventMethod\":\"POST\"},"
                + "{\"action\":\"connect\",\"from\":\"918047180002\",\"timeout\":30,\"limit\":14400,"
                + "\"eventType\":\"synchronous\","
                + "\"eventUrl\":[\"https://cm.example.com/webhooks/vonage/event?call=call_1&leg=callee\"],"
                + "\"eventMethod\":\"POST\",\"endpoint\":[{\"type\":\"phone\",\"number\":\"919876543210\","
                + "\"onAnswer\":{\"url\":\"https://cm.example.com/webhooks/vonage/whisper?session=ses_1&order=false"
                + "&consent=true\"}}]}]");
    }

    @Test
    void anUnrecordedDialWithoutWhisperIsAConnectAlone() {
        String doc = ncco.render(new VoiceReply.Dial("call_2", PhoneNumber.ofE164("+919876543210"),
                PhoneNumber.ofE164("+918047180002"), Duration.ofSeconds(25), Duration.ofHours(1), "ses_2", false, null));
        assertThat(doc).isEqualTo("[{\"action\":\"connect\",\"from\":\"918047180002\",\"timeout\":25,\"limit\":3600,"
                + "\"eventType\":\"synchronous\","
                + "\"eventUrl\":[\"https://cm.example.com/webhooks/vonage/event?call=call_2&leg=callee\"],"
                + "\"eventMethod\":\"POST\",\"endpoint\":[{\"type\":\"phone\",\"number\":\"919876543210\"}]}]");
    }

    @Test
    void theMenuTalksWithBargeInAndCollectsDigitsEndedByHash() {
        assertThat(ncco.render(new VoiceReply.Menu(2, "Enter the code.")))
                .isEqualTo("[{\"action\":\"talk\",\"text\":\"Enter the code.\",\"bargeIn\":true},"
                        + "{\"action\":\"input\",\"type\":[\"dtmf\"],"
                        + "\"dtmf\":{\"maxDigits\":20,\"submitOnHash\":true,\"timeOut\":8},"
                        + "\"eventUrl\":[\"https://cm.example.com/webhooks/vonage/menu?attempt=2\"],"
                        + "\"eventMethod\":\"POST\"}]");
    }

    @Test
    void aRefusalTalksAndTheCallEndsWithTheNcco() {
        assertThat(ncco.render(new VoiceReply.SayAndHangUp("Sorry.")))
                .isEqualTo("[{\"action\":\"talk\",\"text\":\"Sorry.\"}]");
        assertThat(ncco.render(new VoiceReply.HangUp())).isEqualTo("[]");
    }

    @Test
    void aForwardToSupportShowsTheDialledNumber() {
        assertThat(ncco.render(new VoiceReply.SayAndForward("Connecting you to support.", "+918000000000",
                PhoneNumber.ofE164("+918047180001"))))
                .isEqualTo("[{\"action\":\"talk\",\"text\":\"Connecting you to support.\"},"
                        + "{\"action\":\"connect\",\"from\":\"918047180001\","
                        + "\"endpoint\":[{\"type\":\"phone\",\"number\":\"918000000000\"}]}]");
    }

    @Test
    void theWhisperTalksEachMessageInOrder() {
        assertThat(ncco.render(new VoiceReply.Say(List.of("Order 1234.", "This call will be recorded."))))
                .isEqualTo("[{\"action\":\"talk\",\"text\":\"Order 1234.\"},"
                        + "{\"action\":\"talk\",\"text\":\"This call will be recorded.\"}]");
    }

    @Test
    void textThatLooksLikeJsonStaysText() {
        assertThat(ncco.render(new VoiceReply.SayAndHangUp("\"},{\"action\":\"connect")))
                .isEqualTo("[{\"action\":\"talk\",\"text\":\"\\\"},{\\\"action\\\":\\\"connect\"}]");
    }

    @Test
    void vonagesStatusWordsMapToLegStates() {
        assertThat(VonageRequest.legStatus("started", null)).contains(LegStatus.INITIATED);
        assertThat(VonageRequest.legStatus("ringing", null)).contains(LegStatus.RINGING);
        assertThat(VonageRequest.legStatus("answered", null)).contains(LegStatus.IN_PROGRESS);
        assertThat(VonageRequest.legStatus("completed", 42)).contains(LegStatus.COMPLETED);
        assertThat(VonageRequest.legStatus("busy", 0)).contains(LegStatus.BUSY);
        assertThat(VonageRequest.legStatus("timeout", null)).contains(LegStatus.NO_ANSWER);
        assertThat(VonageRequest.legStatus("unanswered", null)).contains(LegStatus.NO_ANSWER);
        assertThat(VonageRequest.legStatus("rejected", null)).contains(LegStatus.FAILED);
        assertThat(VonageRequest.legStatus("failed", null)).contains(LegStatus.FAILED);
        assertThat(VonageRequest.legStatus("cancelled", null)).contains(LegStatus.CANCELED);
        assertThat(VonageRequest.legStatus("machine", null)).isEmpty();
        assertThat(VonageRequest.legStatus("input", null)).isEmpty();
        assertThatThrownBy(() -> VonageRequest.legStatus("exploded", null)).isInstanceOf(Problem.class);
    }

    @Test
    void aCompletedWithoutTalkTimeNeverBeatsTheReasonTheLegWasNotAnswered() {
        // Vonage may send completed before busy (api.support.vonage.com 360057200092): the first terminal wins
        assertThat(VonageRequest.legStatus("completed", 0)).isEqualTo(Optional.empty());
        assertThat(VonageRequest.legStatus("completed", null)).isEqualTo(Optional.empty());
    }
}
