package io.callmask.carrier.plivo;

import io.callmask.web.PublicBaseUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** The absolute URLs of our Plivo webhooks, as Plivo will request (and sign) them. */
@Component
@PlivoEnabled
class PlivoWebhooks {

    static final String BASE = "/webhooks/plivo";

    private final PublicBaseUrl baseUrl;

    PlivoWebhooks(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The Plivo Application's Answer URL (POST), set in the console for our numbers. */
    String answer() {
        return baseUrl.resolve(BASE + "/voice");
    }

    /** The Plivo Application's Hangup URL (POST): the end of a dial-in's caller leg. */
    String hangup() {
        return baseUrl.resolve(BASE + "/hangup");
    }

    String connect(String callId) {
        return baseUrl.resolve(BASE + "/connect?call=" + encode(callId));
    }

    /** ring_url and hangup_url of the first leg of a click-to-call. */
    String callerStatus(String callId) {
        return baseUrl.resolve(BASE + "/status?call=" + encode(callId));
    }

    /** The Dial's callbackUrl: the callee leg's answer and hangup. */
    String dialEvents(String callId) {
        return baseUrl.resolve(BASE + "/dial-events?call=" + encode(callId));
    }

    String dialComplete(String callId) {
        return baseUrl.resolve(BASE + "/dial-complete?call=" + encode(callId));
    }

    String menu(int attempt) {
        return baseUrl.resolve(BASE + "/menu?attempt=" + attempt);
    }

    String whisper(String sessionId, boolean order, boolean consent) {
        return baseUrl.resolve(BASE + "/whisper?session=" + encode(sessionId) + (order ? "" : "&order=false")
                + (consent ? "&consent=true" : ""));
    }

    String recording(String callId) {
        return baseUrl.resolve(BASE + "/recording?call=" + encode(callId));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
