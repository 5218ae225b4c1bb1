package io.callmask.carrier.telnyx;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callmask.carriers.telnyx.*}: the Telnyx account, through its TeXML (TwiML-compatible) API.
 *
 * @param apiKey the API key (V2), sent as {@code Authorization: Bearer}
 * @param accountSid the account id in TeXML REST paths ({@code /v2/texml/Accounts/{accountSid}/Calls})
 * @param applicationSid the TeXML Application that places our calls and owns our numbers
 * @param publicKey the account's Ed25519 public key (Base64 of 32 bytes) that verifies webhooks
 * @param signatureTolerance how far a webhook's {@code telnyx-timestamp} may be from our clock
 * @param apiBaseUrl Telnyx's API; a stand-in's for tests
 */
@ConfigurationProperties("callmask.carriers.telnyx")
record TelnyxProperties(String apiKey, String accountSid, String applicationSid, String publicKey,
        Duration signatureTolerance, URI apiBaseUrl) {

    TelnyxProperties {
        signatureTolerance = signatureTolerance == null ? Duration.ofMinutes(5) : signatureTolerance;
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.telnyx.com") : apiBaseUrl;
    }

    /** Stops the start naming the first missing setting: an enabled carrier without credentials is a mistake. */
    void requireComplete() {
        require("api-key", apiKey);
        require("account-sid", accountSid);
        require("application-sid", applicationSid);
        require("public-key", publicKey);
    }

    private static void require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("callmask.carriers.telnyx.enabled is true but callmask.carriers.telnyx."
                    + name + " is empty");
        }
    }

    @Override
    public String toString() {
        return "TelnyxProperties[account " + accountSid + "]";
    }
}
