package io.callmask.carrier.vonage;

import io.callmask.web.PublicBaseUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The absolute URLs callmask gives Vonage per call and per NCCO. The Application's own answer URL
 * ({@code /answer}) and event URL ({@code /event}) are set in the Vonage dashboard.
 */
@Component
@VonageEnabled
class VonageWebhooks {

    static final String BASE = "/webhooks/vonage";

    private final PublicBaseUrl baseUrl;

    VonageWebhooks(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** answer_url of the first leg of a click-to-call. */
    String connect(String callId) {
        return baseUrl.resolve(BASE + "/connect?call=" + encode(callId));
    }

    /** event_url of the first leg, or the connect action's eventUrl for the callee's leg. */
    String legEvents(String callId, String leg) {
        return baseUrl.resolve(BASE + "/event?call=" + encode(callId) + "&leg=" + leg);
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
