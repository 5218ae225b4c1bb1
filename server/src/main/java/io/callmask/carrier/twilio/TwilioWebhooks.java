package io.callmask.carrier.twilio;

import io.callmask.web.PublicBaseUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The absolute URLs of our Twilio webhooks, as Twilio will request (and sign) them. Callbacks that report (status,
 * the dial's end, recordings) carry Twilio's connection overrides {@value #RETRY}: without them Twilio retries
 * only a refused connection, once; with them it retries a 5xx, a refused connection and a read timeout up to three
 * times, within its 15 s budget. Twilio signs the URL without the fragment, and never sends the fragment.
 */
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

    /** Twilio's webhook connection overrides: retry count and the failures that are retried. */
    static final String RETRY = "#rc=3&rp=5xx,ct,rt";

    private final PublicBaseUrl baseUrl;

    TwilioWebhooks(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    String voice() {
        return baseUrl.resolve(VOICE);
    }

    /**
     * What to set as each pool number's "Call status changes" URL: the end of a dial-in's caller leg is reported
     * there and nowhere else.
     */
    String numberStatus() {
        return baseUrl.resolve(STATUS) + RETRY;
    }

    String connect(String callId) {
        return baseUrl.resolve(CONNECT + "?call=" + encode(callId));
    }

    String callerStatus(String callId) {
        return baseUrl.resolve(STATUS + "?call=" + encode(callId) + "&leg=caller") + RETRY;
    }

    String calleeStatus(String callId) {
        return baseUrl.resolve(STATUS + "?call=" + encode(callId) + "&leg=callee") + RETRY;
    }

    String dialComplete(String callId) {
        return baseUrl.resolve(DIAL_COMPLETE + "?call=" + encode(callId)) + RETRY;
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
        return baseUrl.resolve(RECORDING) + RETRY;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
