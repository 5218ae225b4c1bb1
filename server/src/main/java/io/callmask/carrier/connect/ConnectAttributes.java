package io.callmask.carrier.connect;

import io.callmask.carrier.voice.VoiceReply;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the shared flow's replies as what the forwarding Lambda hands back to Amazon Connect: a
 * flat map of strings (an Invoke AWS Lambda function block with the {@code STRING_MAP} response
 * accepts nothing nested). The flow branches on {@code $.External.action}; every key is always
 * present, empty when unused, so the flow never reads a missing attribute.
 *
 * <ul>
 *   <li>{@code transfer}: Transfer to phone number {@code transferTo} showing {@code callerId}, ringing
 *       {@code timeoutSeconds}, after speaking {@code prompt} if any;</li>
 *   <li>{@code menu}: Store customer input (DTMF, {@code #} ends) after speaking {@code prompt}, then ask
 *       callmask again with the digits and {@code attempt};</li>
 *   <li>{@code hangup}: speak {@code prompt} if any, then Disconnect.</li>
 * </ul>
 */
final class ConnectAttributes {

    static final String TRANSFER = "transfer";
    static final String MENU = "menu";
    static final String HANGUP = "hangup";

    private ConnectAttributes() {}

    static Map<String, String> render(VoiceReply reply) {
        if (reply instanceof VoiceReply.Dial d) {
            if (d.whispered()) { // the adapter lists neither WHISPER nor RECORDING; the flow refuses first
                throw new IllegalStateException("Amazon Connect cannot whisper to a transferred party");
            }
            return answer(TRANSFER, "", d.number().e164(), d.callerId().e164(), d.callId(),
                    String.valueOf(d.ringTimeout().toSeconds()), "");
        }
        if (reply instanceof VoiceReply.SayAndForward f) {
            return answer(TRANSFER, f.message(), f.supportNumber(), f.callerId().e164(), "", "30", "");
        }
        if (reply instanceof VoiceReply.Menu m) {
            return answer(MENU, m.prompt(), "", "", "", "", String.valueOf(m.attempt()));
        }
        if (reply instanceof VoiceReply.SayAndHangUp s) {
            return answer(HANGUP, s.message(), "", "", "", "", "");
        }
        if (reply instanceof VoiceReply.Say s) {
            return answer(HANGUP, String.join(" ", s.messages()), "", "", "", "", "");
        }
        return answer(HANGUP, "", "", "", "", "", "");
    }

    private static Map<String, String> answer(String action, String prompt, String transferTo, String callerId,
            String callId, String timeoutSeconds, String attempt) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("action", action);
        a.put("prompt", prompt);
        a.put("transferTo", transferTo);
        a.put("callerId", callerId);
        a.put("timeoutSeconds", timeoutSeconds);
        a.put("attempt", attempt);
        a.put("callmaskCallId", callId);
        return a;
    }
}
