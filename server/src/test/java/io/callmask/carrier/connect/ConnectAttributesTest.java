package io.callmask.carrier.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.carrier.voice.VoiceReply;
import io.callmask.core.number.PhoneNumber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole flat attribute map each reply becomes: the contract the operator's flows branch on. */
class ConnectAttributesTest {

    private static Map<String, String> expected(String action, String prompt, String transferTo, String callerId,
            String timeout, String attempt, String callId) {
        return Map.of("action", action, "prompt", prompt, "transferTo", transferTo, "callerId", callerId,
                "timeoutSeconds", timeout, "attempt", attempt, "callmaskCallId", callId);
    }

    @Test
    void aBridgeIsATransferShowingTheMaskedNumber() {
        var dial = new VoiceReply.Dial("call_abc", PhoneNumber.ofE164("+919812345678"),
                PhoneNumber.ofE164("+918047180001"), Duration.ofSeconds(30), Duration.ofHours(1), "ses_1", false, null);
        assertThat(ConnectAttributes.render(dial))
                .isEqualTo(expected("transfer", "", "+919812345678", "+918047180001", "30", "", "call_abc"))
                .containsOnlyKeys("action", "prompt", "transferTo", "callerId", "timeoutSeconds", "attempt",
                        "callmaskCallId");
    }

    @Test
    void theHubMenuAsksForDigitsWithItsAttempt() {
        assertThat(ConnectAttributes.render(new VoiceReply.Menu(2, "Please enter your order code.")))
                .isEqualTo(expected("menu", "Please enter your order code.", "", "", "", "2", ""));
    }

    @Test
    void aRefusalSpeaksAndHangsUp() {
        assertThat(ConnectAttributes.render(new VoiceReply.SayAndHangUp("This conversation has ended.")))
                .isEqualTo(expected("hangup", "This conversation has ended.", "", "", "", "", ""));
        assertThat(ConnectAttributes.render(new VoiceReply.HangUp()))
                .isEqualTo(expected("hangup", "", "", "", "", "", ""));
    }

    @Test
    void aForwardToSupportSpeaksThenTransfersShowingTheDialledNumber() {
        var forward = new VoiceReply.SayAndForward("Connecting you to support.", "+918000000000",
                PhoneNumber.ofE164("+918047180001"));
        assertThat(ConnectAttributes.render(forward))
                .isEqualTo(expected("transfer", "Connecting you to support.", "+918000000000", "+918047180001", "30",
                        "", ""));
    }

    @Test
    void aWhisperedDialIsNeverRenderedBecauseConnectCannotWhisper() {
        var dial = new VoiceReply.Dial("call_abc", PhoneNumber.ofE164("+919812345678"),
                PhoneNumber.ofE164("+918047180001"), Duration.ofSeconds(30), Duration.ofHours(1), "ses_1", true, null);
        assertThatThrownBy(() -> ConnectAttributes.render(dial)).isInstanceOf(IllegalStateException.class);
        assertThat(ConnectAttributes.render(new VoiceReply.Say(List.of("a", "b"))).get("action")).isEqualTo("hangup");
    }
}
