package io.callmask.carrier.vonage;

import io.callmask.carrier.voice.VoiceReply;
import io.callmask.core.number.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the shared flow's replies as Vonage Call Control Objects: a JSON array of actions
 * ({@code talk}, {@code connect}, {@code input}, {@code record}; developer.vonage.com
 * /en/voice/guides/ncco-reference). There is no hang-up action: a call ends when its NCCO runs out.
 * Vonage writes numbers as digits with the country code and no {@code +}.
 */
@Component
@VonageEnabled
class Ncco {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Vonage's {@code input} accepts at most 20 digits; the caller ends the code with #. */
    static final int MAX_DIGITS = 20;
    /** Seconds of silence after which {@code input} reports what it has (Vonage allows 0–10). */
    static final int INPUT_TIMEOUT = 8;

    private final VonageWebhooks webhooks;

    Ncco(VonageWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    static String digits(PhoneNumber number) {
        return number.e164().substring(1);
    }

    String render(VoiceReply reply) {
        return JSON.writeValueAsString(actions(reply));
    }

    List<Map<String, Object>> actions(VoiceReply reply) {
        List<Map<String, Object>> ncco = new ArrayList<>();
        if (reply instanceof VoiceReply.Dial d) {
            dial(ncco, d);
        } else if (reply instanceof VoiceReply.Menu m) {
            ncco.add(talk(m.prompt(), true));
            ncco.add(action("input", "type", List.of("dtmf"),
                    "dtmf", map("maxDigits", MAX_DIGITS, "submitOnHash", true, "timeOut", INPUT_TIMEOUT),
                    "eventUrl", List.of(webhooks.menu(m.attempt())), "eventMethod", "POST"));
        } else if (reply instanceof VoiceReply.Say s) {
            s.messages().forEach(text -> ncco.add(talk(text, false)));
        } else if (reply instanceof VoiceReply.SayAndHangUp s) {
            ncco.add(talk(s.message(), false));
        } else if (reply instanceof VoiceReply.SayAndForward f) {
            ncco.add(talk(f.message(), false));
            ncco.add(action("connect", "from", digits(f.callerId()),
                    "endpoint", List.of(map("type", "phone", "number", f.supportNumber().replaceFirst("^\\+", "")))));
        }
        // VoiceReply.HangUp: no action, so the call ends
        return ncco;
    }

    /**
     * A recorded call: the caller hears the notice, then {@code record} (asynchronous, one channel per
     * party) runs while {@code connect} rings the callee. {@code eventType: synchronous} lets the
     * connect's eventUrl answer a failed dial with a new NCCO (the "not available" message); the
     * callee's whisper is its endpoint's {@code onAnswer} NCCO, played before the bridge.
     */
    private void dial(List<Map<String, Object>> ncco, VoiceReply.Dial d) {
        if (d.recorded()) {
            ncco.add(talk(d.consentNotice(), false));
            ncco.add(action("record", "split", "conversation", "channels", 2,
                    "eventUrl", List.of(webhooks.recording(d.callId())), "eventMethod", "POST"));
        }
        Map<String, Object> endpoint = map("type", "phone", "number", digits(d.number()));
        if (d.whispered()) {
            endpoint.put("onAnswer", map("url", webhooks.whisper(d.sessionId(), d.announceOrder(), d.recorded())));
        }
        ncco.add(action("connect", "from", digits(d.callerId()), "timeout", d.ringTimeout().toSeconds(),
                "limit", d.timeLimit().toSeconds(), "eventType", "synchronous",
                "eventUrl", List.of(webhooks.legEvents(d.callId(), "callee")), "eventMethod", "POST",
                "endpoint", List.of(endpoint)));
    }

    private static Map<String, Object> talk(String text, boolean bargeIn) {
        return bargeIn ? action("talk", "text", text, "bargeIn", true) : action("talk", "text", text);
    }

    private static Map<String, Object> action(String name, Object... pairs) {
        Map<String, Object> action = map("action", name);
        action.putAll(map(pairs));
        return action;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
