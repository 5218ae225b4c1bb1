package io.callmask.carrier.telnyx;

import io.callmask.web.PublicBaseUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** The absolute URLs of our Telnyx webhooks, as Telnyx will request them. */
@Component
@TelnyxEnabled
class TelnyxWebhooks {

    static final String BASE = "/webhooks/telnyx";

    private final PublicBaseUrl baseUrl;

    TelnyxWebhooks(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Set as the TeXML Application's voice URL (POST) in the Telnyx portal. */
    String voice() {
        return baseUrl.resolve(BASE + "/voice");
    }

    String connect(String callId) {
        return baseUrl.resolve(BASE + "/connect?call=" + encode(callId));
    }

    String status(String callId, String leg) {
        return baseUrl.resolve(BASE + "/status?call=" + encode(callId) + "&leg=" + leg);
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

    String recording() {
        return baseUrl.resolve(BASE + "/recording");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
