package io.callmask.carrier.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callmask.twilio.*}: the Twilio account callmask uses (required while the Twilio adapter is on).
 * {@code apiBaseUrl} replaces
 * {@code https://api.twilio.com} (empty: Twilio's own), for a stand-in of Twilio's REST API.
 */
@ConfigurationProperties("callmask.twilio")
record TwilioProperties(String accountSid, String authToken, java.net.URI apiBaseUrl) {

    boolean configured() {
        return accountSid != null && !accountSid.isBlank();
    }
}
