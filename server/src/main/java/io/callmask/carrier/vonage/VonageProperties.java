package io.callmask.carrier.vonage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callmask.carriers.vonage.*}: the Vonage Application that owns our numbers.
 *
 * @param applicationId the Vonage Application's id (the {@code application_id} claim of our API JWTs)
 * @param privateKey the Application's private key, PEM (PKCS#8) text or the path of a file holding it;
 *     it signs the RS256 JWT of every Voice API request
 * @param signatureSecret the account's signature secret (Dashboard, Settings); it keys the HS256 JWT
 *     Vonage puts in every signed webhook's {@code Authorization} header
 * @param apiKey the account's API key; when set, a webhook JWT's {@code api_key} claim must name it
 * @param signatureTolerance how far a webhook JWT's {@code iat} may be from our clock
 * @param apiBaseUrl Vonage's Voice API; a stand-in's for tests
 */
@ConfigurationProperties("callmask.carriers.vonage")
record VonageProperties(String applicationId, String privateKey, String signatureSecret, String apiKey,
        Duration signatureTolerance, URI apiBaseUrl) {

    VonageProperties {
        signatureTolerance = signatureTolerance == null ? Duration.ofMinutes(5) : signatureTolerance;
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.nexmo.com") : apiBaseUrl;
    }

    /**
     * Stops the start naming the first missing setting. Without the signature secret nothing could
     * tell Vonage's webhooks from anyone's, so there is no unsigned mode.
     */
    void requireComplete() {
        require("application-id", applicationId);
        require("private-key", privateKey);
        require("signature-secret", signatureSecret);
    }

    /** The PEM text, read from the file when the setting names one. */
    String privateKeyPem() {
        String value = privateKey.strip();
        if (value.startsWith("-----BEGIN")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value));
        } catch (IOException e) {
            throw new UncheckedIOException("callmask.carriers.vonage.private-key is neither PEM text nor a readable "
                    + "file", e);
        }
    }

    private static void require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("callmask.carriers.vonage.enabled is true but callmask.carriers.vonage."
                    + name + " is empty");
        }
    }

    @Override
    public String toString() {
        return "VonageProperties[application " + applicationId + "]";
    }
}
