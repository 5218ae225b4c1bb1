package io.callmask.carrier.plivo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plivo's webhook signature V3 for POST requests, as the official SDKs compute it
 * ({@code plivo/utils/signature_v3.py}, {@code Utils.computeSignatureV3}): HMAC-SHA256 with the Auth
 * Token over {@code scheme://host[:port]/path}, then {@code ?} and the URL's query as sorted
 * {@code k=v&…} followed by {@code .} when there are form parameters, then the form parameters as
 * sorted {@code kv} pairs, then {@code .nonce}; Base64. The header may hold several signatures,
 * comma-separated. The SDKs disagree on the port (the Java SDK drops it), so both forms are accepted.
 */
final class SignatureV3 {

    private final byte[] authToken;

    SignatureV3(String authToken) {
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature of a POST to {@code url} with these (decoded) form parameters. */
    String compute(String url, Map<String, List<String>> form, String nonce, boolean withPort) {
        URI uri = URI.create(url);
        StringBuilder data = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (withPort && uri.getPort() != -1) {
            data.append(':').append(uri.getPort());
        }
        data.append(uri.getRawPath() == null ? "" : uri.getPath());
        String query = sortedQuery(uri.getRawQuery());
        if (!query.isEmpty() || !form.isEmpty()) {
            data.append('?').append(query);
        }
        if (!query.isEmpty() && !form.isEmpty()) {
            data.append('.');
        }
        new TreeMap<>(form).forEach((k, values) -> values.stream().sorted().forEach(v -> data.append(k).append(v)));
        data.append('.').append(nonce);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(authToken, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether any signature in the header matches, with or without the URL's port. */
    boolean valid(String url, Map<String, List<String>> form, String nonce, String header) {
        if (header == null || nonce == null || nonce.isEmpty()) {
            return false;
        }
        List<String> expected = List.of(compute(url, form, nonce, true), compute(url, form, nonce, false));
        for (String given : header.split(",")) {
            for (String e : expected) {
                if (MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8),
                        given.strip().getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sortedQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        Map<String, List<String>> params = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        List<String> parts = new ArrayList<>();
        params.forEach((k, values) -> values.stream().sorted().forEach(v -> parts.add(k + "=" + v)));
        return String.join("&", parts);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
