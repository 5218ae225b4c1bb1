package io.callmask.carrier.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callmask.twilio.*}: the Twilio account callmask uses. Both empty means the built-in
 * emulator plays Twilio (see {@code callmask.emulator.enabled}).
 */
@ConfigurationProperties("callmask.twilio")
record TwilioProperties(String accountSid, String authToken) {

    boolean configured() {
        return accountSid != null && !accountSid.isBlank();
    }
}
