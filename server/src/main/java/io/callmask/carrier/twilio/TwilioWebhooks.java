package io.callmask.carrier.twilio;

import io.callmask.web.PublicBaseUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** The absolute URLs of our Twilio webhooks, as Twilio will request (and sign) them. */
@Component
@TwilioEnabled
class TwilioWebhooks {

    static final String BASE = "/webhooks/twilio";
    static final String VOICE = BASE + "/voice";
    static final String CONNECT = BASE + "/connect";
    static final String STATUS = BASE + "/status";
    static final String DIAL_COMPLETE = BASE + "/dial-complete";
    static final String MENU = BASE + "/menu";
    static final String WHISPER = BASE + "/whisper";
    static final String RECORDING = BASE + "/recording";

    private final PublicBaseUrl baseUrl;

    TwilioWebhooks(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    String voice() {
        return baseUrl.resolve(VOICE);
    }

    String connect(String callId) {
        return baseUrl.resolve(CONNECT + "?call=" + encode(callId));
    }

    String callerStatus(String callId) {
        return baseUrl.resolve(STATUS + "?call=" + encode(callId) + "&leg=caller");
    }

    String calleeStatus(String callId) {
        return baseUrl.resolve(STATUS + "?call=" + encode(callId) + "&leg=callee");
    }

    String dialComplete(String callId) {
        return baseUrl.resolve(DIAL_COMPLETE + "?call=" + encode(callId));
    }

    String menu(int attempt) {
        return baseUrl.resolve(MENU + "?attempt=" + attempt);
    }

    String whisper(String sessionId) {
        return whisper(sessionId, true, false);
    }

    /** The callee's whisper: the hub party's order ({@code order}) and the recording notice ({@code consent}). */
    String whisper(String sessionId, boolean order, boolean consent) {
        return baseUrl.resolve(WHISPER + "?session=" + encode(sessionId) + (order ? "" : "&order=false")
                + (consent ? "&consent=true" : ""));
    }

    String recording() {
        return baseUrl.resolve(RECORDING);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
