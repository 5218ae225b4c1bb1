package io.callmask.carrier.knowlarity;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callmask.carriers.knowlarity.*}: the SuperReceptionist API key (sent as the bare
 * {@code Authorization} header) and the application access key ({@code x-api-key}), as Knowlarity's
 * developer portal names them; {@code channel} is the path's channel segment ({@code Basic}).
 */
@ConfigurationProperties("callmask.carriers.knowlarity")
record KnowlarityProperties(String srApiKey, String apiKey, String channel, URI apiBaseUrl) {

    KnowlarityProperties {
        channel = channel == null || channel.isBlank() ? "Basic" : channel.strip();
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://kpi.knowlarity.com") : apiBaseUrl;
    }

    void requireComplete() {
        for (String[] s : new String[][] {{"sr-api-key", srApiKey}, {"api-key", apiKey}}) {
            if (s[1] == null || s[1].isBlank()) {
                throw new IllegalStateException("callmask.carriers.knowlarity.enabled is true but "
                        + "callmask.carriers.knowlarity." + s[0] + " is empty");
            }
        }
        if (!channel.matches("[A-Za-z]{1,32}")) {
            throw new IllegalStateException("callmask.carriers.knowlarity.channel must be a word such as Basic");
        }
    }

    @Override
    public String toString() {
        return "KnowlarityProperties[" + channel + ", " + apiBaseUrl + "]"; // never the keys
    }
}
