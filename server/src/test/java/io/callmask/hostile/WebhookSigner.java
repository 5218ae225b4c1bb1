package io.callmask.hostile;

import io.callmask.support.PlivoSigner;
import io.callmask.support.VonageSigner;
import io.callmask.support.TelnyxSigner;
import io.callmask.support.TwilioSigner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one carrier signs its webhooks, for the suite: the headers of a genuine request and of
 * forgeries. A webhook row names its signer; the families never know which carrier it is.
 */
interface WebhookSigner {

    /** The header whose presence means "signed" (a row's own signature is never replaced). */
    String header();

    /** Headers that sign a request to {@code target} (path and query) with this form and raw body. */
    List<String[]> sign(String target, Map<String, String> params, String body);

    /** Forged or broken signatures for the valid request, by label. */
    Map<String, List<String[]>> forgeries(String target, Map<String, String> params, String body);

    /** Whether the signature covers the URL's query (Twilio's does; Telnyx's covers the body only). */
    boolean coversQuery();

    /** A carrier that signs nothing (MSG91): the secret is in the path; there is no header to forge. */
    static WebhookSigner secretInPath() {
        return new WebhookSigner() {
            @Override
            public String header() {
                return "X-Unsigned";
            }

            @Override
            public List<String[]> sign(String target, Map<String, String> params, String body) {
                return List.of();
            }

            @Override
            public Map<String, List<String[]>> forgeries(String target, Map<String, String> params, String body) {
                return Map.of();
            }

            @Override
            public boolean coversQuery() {
                return false;
            }
        };
    }

    static WebhookSigner twilio(String base, String authToken) {
        return new WebhookSigner() {
            @Override
            public String header() {
                return "X-Twilio-Signature";
            }

            @Override
            public List<String[]> sign(String target, Map<String, String> params, String body) {
                return List.<String[]>of(new String[] {header(), TwilioSigner.sign(authToken, base + target, params)});
            }

            @Override
            public Map<String, List<String[]>> forgeries(String target, Map<String, String> params, String body) {
                Map<String, List<String[]>> v = new LinkedHashMap<>();
                v.put("unsigned", List.of());
                v.put("empty signature", one(""));
                v.put("garbage signature", one("AAAAAAAAAAAAAAAAAAAAAAAAAAA="));
                v.put("signed for another URL", one(TwilioSigner.sign(authToken, base + "/webhooks/twilio/other", params)));
                v.put("signed for https", one(TwilioSigner.sign(authToken, base.replace("http:", "https:") + target,
                        params)));
                v.put("signed with another token", one(TwilioSigner.sign("not-" + authToken, base + target, params)));
                v.put("two signature headers", List.of(new String[] {header(), "AAAA"},
                        new String[] {header(), TwilioSigner.sign(authToken, base + target, params)}));
                return v;
            }

            private List<String[]> one(String value) {
                return List.<String[]>of(new String[] {header(), value});
            }

            @Override
            public boolean coversQuery() {
                return true;
            }
        };
    }

    static WebhookSigner plivo(String base, String authToken) {
        return new WebhookSigner() {
            @Override
            public String header() {
                return "X-Plivo-Signature-V3";
            }

            @Override
            public List<String[]> sign(String target, Map<String, String> params, String body) {
                return signed(base + target, params, authToken, "n" + System.nanoTime());
            }

            private List<String[]> signed(String url, Map<String, String> params, String token, String nonce) {
                return List.of(new String[] {header(), PlivoSigner.sign(url, params, nonce, token)},
                        new String[] {"X-Plivo-Signature-V3-Nonce", nonce});
            }

            @Override
            public Map<String, List<String[]>> forgeries(String target, Map<String, String> params, String body) {
                String nonce = "n" + System.nanoTime();
                String good = PlivoSigner.sign(base + target, params, nonce, authToken);
                Map<String, List<String[]>> v = new LinkedHashMap<>();
                v.put("unsigned", List.of());
                v.put("no nonce", List.<String[]>of(new String[] {header(), good}));
                v.put("empty signature", List.of(new String[] {header(), ""},
                        new String[] {"X-Plivo-Signature-V3-Nonce", nonce}));
                v.put("garbage signature", List.of(new String[] {header(), "A".repeat(43) + "="},
                        new String[] {"X-Plivo-Signature-V3-Nonce", nonce}));
                v.put("signed with another nonce", List.of(new String[] {header(), good},
                        new String[] {"X-Plivo-Signature-V3-Nonce", nonce + "1"}));
                v.put("signed for another URL", signed(base + "/webhooks/plivo/other", params, authToken, nonce));
                v.put("signed for https", signed(base.replace("http:", "https:") + target, params, authToken, nonce));
                v.put("signed with another token", signed(base + target, params, "not-" + authToken, nonce));
                return v;
            }

            @Override
            public boolean coversQuery() {
                return true;
            }
        };
    }

    /** callmask's own scheme for Amazon Connect's forwarding Lambda: v1= hex HMAC-SHA256(timestamp + "." + body). */
    static WebhookSigner connect(String secret) {
        return new WebhookSigner() {
            @Override
            public String header() {
                return "X-Callmask-Signature";
            }

            @Override
            public List<String[]> sign(String target, Map<String, String> params, String body) {
                String ts = String.valueOf(java.time.Instant.now().getEpochSecond());
                return pair(mac(secret, ts, body == null ? "" : body), ts);
            }

            @Override
            public Map<String, List<String[]>> forgeries(String target, Map<String, String> params, String body) {
                String now = String.valueOf(java.time.Instant.now().getEpochSecond());
                String stale = String.valueOf(Long.parseLong(now) - 600);
                String future = String.valueOf(Long.parseLong(now) + 600);
                Map<String, List<String[]>> v = new LinkedHashMap<>();
                v.put("unsigned", List.of());
                v.put("no timestamp", List.<String[]>of(new String[] {header(), mac(secret, now, body)}));
                v.put("empty signature", pair("", now));
                v.put("garbage signature", pair("v1=" + "0".repeat(64), now));
                v.put("upper-case hex", pair(mac(secret, now, body).toUpperCase().replace("V1=", "v1="), now));
                v.put("no version prefix", pair(mac(secret, now, body).substring(3), now));
                v.put("signed for another body", pair(mac(secret, now, body + " "), now));
                v.put("signed with another secret", pair(mac("not-" + secret, now, body), now));
                v.put("stale timestamp", pair(mac(secret, stale, body), stale));
                v.put("future timestamp", pair(mac(secret, future, body), future));
                v.put("timestamp not a number", pair(mac(secret, "x" + now, body), "x" + now));
                List<String[]> two = new ArrayList<>(pair("v1=AAAA", now));
                two.add(new String[] {header(), mac(secret, now, body)});
                v.put("two signature headers", two);
                return v;
            }

            private List<String[]> pair(String signature, String timestamp) {
                return List.of(new String[] {header(), signature}, new String[] {"X-Callmask-Timestamp", timestamp});
            }

            private static String mac(String key, String timestamp, String body) {
                try {
                    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                    mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            "HmacSHA256"));
                    return "v1=" + java.util.HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean coversQuery() {
                return false;
            }
        };
    }

    static WebhookSigner telnyx() {
        return new WebhookSigner() {
            @Override
            public String header() {
                return "telnyx-signature-ed25519";
            }

            @Override
            public List<String[]> sign(String target, Map<String, String> params, String body) {
                String ts = TelnyxSigner.now();
                return List.of(new String[] {header(), TelnyxSigner.sign(ts, body == null ? "" : body)},
                        new String[] {"telnyx-timestamp", ts});
            }

            @Override
            public Map<String, List<String[]>> forgeries(String target, Map<String, String> params, String body) {
                String now = TelnyxSigner.now();
                String stale = String.valueOf(Long.parseLong(now) - 600);
                String future = String.valueOf(Long.parseLong(now) + 600);
                Map<String, List<String[]>> v = new LinkedHashMap<>();
                v.put("unsigned", List.of());
                v.put("no timestamp", List.<String[]>of(new String[] {header(), TelnyxSigner.sign(now, body)}));
                v.put("empty signature", pair("", now));
                v.put("garbage signature", pair("A".repeat(86) + "==", now));
                v.put("signed for another body", pair(TelnyxSigner.sign(now, body + "&x=1"), now));
                v.put("signed by another key", pair(TelnyxSigner.sign(TelnyxSigner.privateKey(
                        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="), now, body), now));
                v.put("stale timestamp", pair(TelnyxSigner.sign(stale, body), stale));
                v.put("future timestamp", pair(TelnyxSigner.sign(future, body), future));
                v.put("timestamp not a number", pair(TelnyxSigner.sign("x" + now, body), "x" + now));
                List<String[]> two = new ArrayList<>(pair("AAAA", now));
                two.add(new String[] {header(), TelnyxSigner.sign(now, body)});
                v.put("two signature headers", two);
                return v;
            }

            private List<String[]> pair(String signature, String timestamp) {
                return List.of(new String[] {header(), signature}, new String[] {"telnyx-timestamp", timestamp});
            }

            @Override
            public boolean coversQuery() {
                return false;
            }
        };
    }
    /**
     * Vonage: an HS256 JWT in {@code Authorization} whose {@code payload_hash} covers a POST's body.
     * It does not cover the URL's query, so there is no "altered query" forgery to refuse.
     */
    static WebhookSigner vonage(String secret) {
        return new WebhookSigner() {
            @Override
            public String header() {
                return "Authorization";
            }

            @Override
            public List<String[]> sign(String target, Map<String, String> params, String body) {
                return one(VonageSigner.bearer(secret, java.time.Instant.now(), body, VonageSigner.API_KEY));
            }

            @Override
            public Map<String, List<String[]>> forgeries(String target, Map<String, String> params, String body) {
                java.time.Instant now = java.time.Instant.now();
                Map<String, List<String[]>> v = new LinkedHashMap<>();
                v.put("unsigned", List.of());
                v.put("empty bearer", one("Bearer "));
                v.put("garbage token", one("Bearer " + "A".repeat(40) + "." + "B".repeat(40) + "." + "C".repeat(43)));
                v.put("signed with another secret", one(VonageSigner.bearer("not-" + secret, now, body,
                        VonageSigner.API_KEY)));
                v.put("stale iat", one(VonageSigner.bearer(secret, now.minusSeconds(600), body, VonageSigner.API_KEY)));
                v.put("future iat", one(VonageSigner.bearer(secret, now.plusSeconds(600), body, VonageSigner.API_KEY)));
                v.put("another account's api_key", one(VonageSigner.bearer(secret, now, body, "otherkey")));
                v.put("alg none", one("Bearer " + VonageSigner.b64("{\"alg\":\"none\"}") + "."
                        + VonageSigner.b64("{\"iat\":" + now.getEpochSecond() + "}") + "."));
                v.put("no iat", one("Bearer " + VonageSigner.jwt(secret, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                        "{\"payload_hash\":\"" + VonageSigner.sha256(body == null ? "" : body) + "\",\"api_key\":\""
                                + VonageSigner.API_KEY + "\"}")));
                if (body != null) {
                    v.put("signed for another body", one(VonageSigner.bearer(secret, now, body + " ",
                            VonageSigner.API_KEY)));
                }
                List<String[]> two = new ArrayList<>(one("Bearer AAAA"));
                two.add(new String[] {header(), VonageSigner.bearer(secret, now, body, VonageSigner.API_KEY)});
                v.put("two authorization headers", two);
                return v;
            }

            private List<String[]> one(String value) {
                return List.<String[]>of(new String[] {header(), value});
            }

            @Override
            public boolean coversQuery() {
                return false;
            }
        };
    }
}
