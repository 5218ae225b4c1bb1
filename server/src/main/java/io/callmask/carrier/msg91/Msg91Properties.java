package io.callmask.carrier.msg91;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callmask.carriers.msg91.*}: the MSG91 auth key (header {@code authkey}) and the protection
 * of the report webhook, which MSG91 does not sign: an unguessable {@code webhookSecret} in its path
 * (at least 32 characters) and, optionally, the source addresses it may come from.
 *
 * @param allowedSources client addresses (as the servlet container sees them) a report may come
 *     from; empty: any (MSG91 publishes no address list)
 */
@ConfigurationProperties("callmask.carriers.msg91")
record Msg91Properties(String authKey, String webhookSecret, List<String> allowedSources, URI apiBaseUrl) {

    Msg91Properties {
        allowedSources = allowedSources == null ? List.of()
                : allowedSources.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://control.msg91.com") : apiBaseUrl;
    }

    void requireComplete() {
        if (authKey == null || authKey.isBlank()) {
            throw new IllegalStateException("callmask.carriers.msg91.enabled is true but "
                    + "callmask.carriers.msg91.auth-key is empty");
        }
        if (webhookSecret == null || !webhookSecret.matches("[A-Za-z0-9_-]{32,128}")) {
            throw new IllegalStateException("callmask.carriers.msg91.webhook-secret must be 32 to 128 letters, "
                    + "digits, '-' or '_' (e.g. openssl rand -hex 24): MSG91 does not sign its reports, so this "
                    + "secret in the URL is what keeps strangers from writing call states");
        }
    }

    @Override
    public String toString() {
        return "Msg91Properties[" + apiBaseUrl + "]"; // never the key or the secret
    }
}
