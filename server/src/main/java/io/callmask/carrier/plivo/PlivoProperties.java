package io.callmask.carrier.plivo;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callmask.carriers.plivo.*}: the Plivo account (Auth ID and Auth Token from the console's
 * overview), used for the REST API (HTTP Basic) and to check webhooks (signature V3 is keyed with the
 * Auth Token).
 */
@ConfigurationProperties("callmask.carriers.plivo")
record PlivoProperties(String authId, String authToken, URI apiBaseUrl) {

    PlivoProperties {
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.plivo.com") : apiBaseUrl;
    }

    void requireComplete() {
        for (String[] s : new String[][] {{"auth-id", authId}, {"auth-token", authToken}}) {
            if (s[1] == null || s[1].isBlank()) {
                throw new IllegalStateException("callmask.carriers.plivo.enabled is true but callmask.carriers.plivo."
                        + s[0] + " is empty");
            }
        }
    }

    @Override
    public String toString() {
        return "PlivoProperties[" + authId + "]";
    }
}
