package io.callmask.carrier.exotel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callmask.core.call.LegStatus;
import io.callmask.carrier.voice.VoiceReply;
import io.callmask.core.number.PhoneNumber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ExotelAppletsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aDialNamesTheCalleeAndTheMaskedCallerIdWithLimitsWithinExotelsMaxima() {
        var dial = new VoiceReply.Dial("call_1", PhoneNumber.ofE164("+919812345678"),
                PhoneNumber.ofE164("+918047180001"), Duration.ofSeconds(90), Duration.ofHours(4), "ses_1", false,
                null);
        assertThat(JSON.writeValueAsString(ExotelApplets.connect(dial))).isEqualTo("{\"fetch_after_attempt\":false,"
                + "\"destination\":{\"numbers\":[\"+919812345678\"]},\"outgoing_phone_number\":\"+918047180001\","
                + "\"record\":false,\"max_ringing_duration\":60,\"max_conversation_duration\":4500}");
        assertThat(ExotelApplets.spoken(dial)).isEmpty();
    }

    @Test
    void aTurnedAwayCallerDialsNobodyAndTheGreetingSaysWhy() {
        var away = new VoiceReply.SayAndHangUp("This conversation has ended.");
        assertThat(ExotelApplets.connect(away)).isEqualTo(Map.of("fetch_after_attempt", false, "destination",
                Map.of("numbers", List.of())));
        assertThat(ExotelApplets.spoken(away)).contains("This conversation has ended.");
        assertThat(ExotelApplets.spoken(new VoiceReply.HangUp())).isEmpty();
    }

    @Test
    void numbersInExotelsTrunkFormBecomeE164() {
        assertThat(ExotelApplets.e164("09876543210")).isEqualTo("+919876543210");
        assertThat(ExotelApplets.e164("919876543210")).isEqualTo("+919876543210");
        assertThat(ExotelApplets.e164(" +918047180001 ")).isEqualTo("+918047180001");
        assertThat(ExotelApplets.e164("12345")).isEqualTo("12345"); // turned away by the flow as not E.164
    }

    @Test
    void aStatusCallbackIsReadLegByLeg() {
        var status = ExotelStatus.of(JSON.readTree("""
                {"CallSid":"c5797dcbaaeed7678c4062a4a3ed2f8a","EventType":"terminal","Status":"completed",
                 "CustomField":"call_0123456789abcdef01234567","ConversationDuration":42,
                 "DateUpdated":"2026-11-25 10:00:50","RecordingUrl":null,"Direction":"outbound-api",
                 "Legs":[{"Status":"completed","OnCallDuration":50,"AnsweredBy":"human"},
                         {"Status":"completed","OnCallDuration":"42"}]}"""));
        assertThat(status.callId()).isEqualTo("call_0123456789abcdef01234567");
        assertThat(status.status()).isEqualTo(LegStatus.COMPLETED);
        assertThat(status.legs()).containsExactly(new ExotelStatus.LegReport(LegStatus.COMPLETED, 50),
                new ExotelStatus.LegReport(LegStatus.COMPLETED, 42));
        assertThat(status.calleeLeg()).isEqualTo("c5797dcbaaeed7678c4062a4a3ed2f8a:b");
    }

    @Test
    void aMalformedStatusCallbackIsRefused() {
        assertThatThrownBy(() -> ExotelStatus.of(JSON.readTree("{\"CallSid\":\"c57\",\"Status\":\"completed\"}")))
                .hasMessageContaining("CustomField");
        assertThatThrownBy(() -> ExotelStatus.of(JSON.readTree("{\"CallSid\":\"c57\",\"Status\":\"exploded\","
                + "\"CustomField\":\"call_0123456789abcdef01234567\"}"))).hasMessageContaining("Unknown call status");
        assertThatThrownBy(() -> ExotelStatus.of(JSON.readTree("{\"CallSid\":\"c57\",\"Status\":\"busy\","
                + "\"CustomField\":\"call_0123456789abcdef01234567\",\"Legs\":[{},{},{}]}")))
                .hasMessageContaining("at most two");
        assertThat(ExotelWebhookController.dialOutcome("incomplete")).isEqualTo(LegStatus.NO_ANSWER);
        assertThat(ExotelWebhookController.dialOutcome("completed")).isEqualTo(LegStatus.COMPLETED);
        assertThatThrownBy(() -> ExotelWebhookController.dialOutcome("exploded")).hasMessageContaining("CallType");
    }
}
