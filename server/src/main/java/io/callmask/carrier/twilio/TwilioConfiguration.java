package io.callmask.carrier.twilio;

import com.twilio.http.TwilioRestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Twilio account from {@code callmask.twilio.*}, and the official SDK's client for it (pointed at
 * {@code callmask.twilio.api-base-url} when that is set, for a stand-in of Twilio's REST API). Without an account
 * the start stops: the product never falls back to an emulator, which is not part of it.
 */
@Configuration(proxyBeanMethods = false)
@TwilioEnabled
class TwilioConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TwilioConfiguration.class);

    /** Named in the refusal to start: the source checkout's demo run, which brings the emulator. */
    static final String DEMO_COMMAND = "./mvnw spring-boot:test-run";

    @Bean
    TwilioAccount twilioAccount(TwilioProperties properties) {
        if (!properties.configured()) {
            throw new NoCarrierAccount("No carrier account: the Twilio adapter is on (the default) and "
                    + "callmask.twilio.account-sid is empty. This jar has no emulator; the demo on the built-in "
                    + "emulator runs from a source checkout with " + DEMO_COMMAND);
        }
        if (properties.authToken() == null || properties.authToken().isBlank()) {
            throw new IllegalStateException("callmask.twilio.auth-token is required with callmask.twilio.account-sid");
        }
        log.info("Twilio: using account {}", properties.accountSid());
        return new TwilioAccount(properties.accountSid(), properties.authToken());
    }

    @Bean
    TwilioRestClient twilioRestClient(TwilioAccount account, TwilioProperties properties) {
        var builder = new TwilioRestClient.Builder(account.accountSid(), account.authToken());
        if (properties.apiBaseUrl() != null) {
            String base = properties.apiBaseUrl().toString().replaceAll("/+$", "");
            builder.httpClient(new ApiBaseUrlHttpClient(() -> base));
        }
        return builder.build();
    }
}
