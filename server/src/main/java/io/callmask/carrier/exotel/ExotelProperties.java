package io.callmask.carrier.exotel;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callmask.carriers.exotel.*}: the account (SID, API key and token, sent as HTTP Basic
 * {@code api-key:api-token}), the cluster's API host, and the protection of the webhooks, which
 * Exotel does not sign: an unguessable {@code webhookSecret} in their path (at least 32 characters)
 * and, optionally, the source addresses they may come from.
 *
 * @param apiBaseUrl {@code https://api.exotel.com} (Singapore cluster) or
 *     {@code https://api.in.exotel.com} (Mumbai cluster), whichever the account lives on
 * @param allowedSources client addresses (as the servlet container sees them) a webhook may come
 *     from; empty: any (Exotel's address list was not found in its docs)
 */
@ConfigurationProperties("callmask.carriers.exotel")
record ExotelProperties(String accountSid, String apiKey, String apiToken, URI apiBaseUrl, String webhookSecret,
        List<String> allowedSources) {

    ExotelProperties {
        allowedSources = allowedSources == null ? List.of()
                : allowedSources.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.exotel.com") : apiBaseUrl;
    }

    void requireComplete() {
        for (String[] setting : new String[][] {{"account-sid", accountSid}, {"api-key", apiKey},
                {"api-token", apiToken}}) {
            if (setting[1] == null || setting[1].isBlank()) {
                throw new IllegalStateException("callmask.carriers.exotel.enabled is true but "
                        + "callmask.carriers.exotel." + setting[0] + " is empty");
            }
        }
        if (!accountSid.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalStateException("callmask.carriers.exotel.account-sid must be letters, digits, '-' or '_'");
        }
        if (webhookSecret == null || !webhookSecret.matches("[A-Za-z0-9_-]{32,128}")) {
            throw new IllegalStateException("callmask.carriers.exotel.webhook-secret must be 32 to 128 letters, "
                    + "digits, '-' or '_' (e.g. openssl rand -hex 24): Exotel does not sign its applet requests or "
                    + "status callbacks, so this secret in the URLs is what keeps strangers from routing calls and "
                    + "writing call states");
        }
    }

    @Override
    public String toString() {
        return "ExotelProperties[" + apiBaseUrl + "]"; // never the token or the secret
    }
}
