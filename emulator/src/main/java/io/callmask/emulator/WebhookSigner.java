package io.callmask.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes {@code X-Twilio-Signature}: Base64(HMAC-SHA1(token, url + sorted name/value pairs)).
 * Written from the published algorithm rather than taken from the SDK, so that the app's check through the
 * SDK's {@code RequestValidator} is an independent cross-check of both sides.
 */
final class WebhookSigner {

    private final byte[] key;

    WebhookSigner(String authToken) {
        this.key = authToken.getBytes(StandardCharsets.UTF_8);
    }

    String sign(String url, Map<String, List<String>> params) {
        var data = new StringBuilder(url);
        // Names sorted; a repeated name contributes each of its values, values sorted too.
        new TreeMap<>(params).forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            sorted.forEach(value -> data.append(name).append(value));
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }
}
