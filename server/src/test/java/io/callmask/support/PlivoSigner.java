package io.callmask.support;

import java.net.URI;
import java.net.URLDecoder;
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
 * Signs a POST webhook the way Plivo's SDKs describe signature V3 (plivo-python's
 * {@code signature_v3.py}): HMAC-SHA256(authToken, scheme://host:port/path + "?" + sorted query
 * {@code k=v&…} + "." (both only when present) + sorted form {@code kv…} + "." + nonce), Base64.
 */
public final class PlivoSigner {

    private PlivoSigner() {}

    public static String sign(String url, Map<String, String> form, String nonce, String authToken) {
        URI uri = URI.create(url);
        StringBuilder data = new StringBuilder(uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + uri.getPath());
        List<String> query = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            Map<String, String> q = new TreeMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                q.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
            q.forEach((k, v) -> query.add(k + "=" + v));
        }
        if (!query.isEmpty() || !form.isEmpty()) {
            data.append('?').append(String.join("&", query));
        }
        if (!query.isEmpty() && !form.isEmpty()) {
            data.append('.');
        }
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        data.append('.').append(nonce);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
