package io.callmask.carrier.exotel;

import io.callmask.carrier.voice.VoiceReply;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a Connect applet's dynamic URL, in the JSON shape Exotel integrations agree on
 * ({@code destination.numbers}, {@code outgoing_phone_number}, ...; third-party code, not an Exotel
 * page, docs/carriers.md#exotel). A dial names the callee and the masked caller ID; anything else
 * dials nobody, so the flow goes on to its Passthru and Greeting applets, which say callmask's
 * message ({@link #spoken}).
 */
final class ExotelApplets {

    /** Limits integrations quote for the applet answer (third-party, unverified); beyond them Exotel rejects it. */
    static final Duration MAX_RINGING = Duration.ofSeconds(60);
    static final Duration MAX_CONVERSATION = Duration.ofSeconds(4500);

    private ExotelApplets() {}

    static Map<String, Object> connect(VoiceReply reply) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("fetch_after_attempt", false);
        if (reply instanceof VoiceReply.Dial dial) {
            answer.put("destination", Map.of("numbers", List.of(dial.number().e164())));
            answer.put("outgoing_phone_number", dial.callerId().e164());
            answer.put("record", false);
            answer.put("max_ringing_duration", clamp(dial.ringTimeout(), MAX_RINGING));
            answer.put("max_conversation_duration", clamp(dial.timeLimit(), MAX_CONVERSATION));
        } else if (reply instanceof VoiceReply.SayAndForward forward) {
            // support is dialled showing the number the caller dialled; the message is not said (no playback to the caller)
            answer.put("destination", Map.of("numbers", List.of(forward.supportNumber())));
            answer.put("outgoing_phone_number", forward.callerId().e164());
            answer.put("record", false);
        } else {
            answer.put("destination", Map.of("numbers", List.of()));
        }
        return answer;
    }

    /** What the Greeting applet after the Connect applet says for this reply, if anything. */
    static Optional<String> spoken(VoiceReply reply) {
        if (reply instanceof VoiceReply.SayAndHangUp say) {
            return Optional.of(say.message());
        }
        return Optional.empty();
    }

    private static long clamp(Duration value, Duration max) {
        return Math.max(1, Math.min(value.toSeconds(), max.toSeconds()));
    }

    /**
     * A number as Exotel writes it in applet requests: E.164, or India's trunk form {@code 0} and ten
     * digits, or {@code 91} and ten digits; anything else is passed on unchanged (and turned away).
     */
    static String e164(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.matches("0[1-9][0-9]{9}")) {
            return "+91" + t.substring(1);
        }
        if (t.matches("91[1-9][0-9]{9}")) {
            return "+" + t;
        }
        return t;
    }
}
