package io.callmask.carrier.twilio;

import com.twilio.http.TwilioRestClient;
import io.callmask.emulator.TwilioEmulator;
import io.callmask.pool.Pool;
import io.callmask.web.PublicBaseUrl;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Chooses the Twilio account: the real one from {@code callmask.twilio.*}, or the in-process
 * emulator when it is on. With the emulator, the same SDK client is pointed at it and our pool
 * numbers are registered there with our voice webhook, as one would in Twilio's console.
 */
@Configuration(proxyBeanMethods = false)
@TwilioEnabled
class TwilioConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TwilioConfiguration.class);

    @Bean
    TwilioAccount twilioAccount(TwilioProperties properties, ObjectProvider<TwilioEmulator> emulator) {
        TwilioEmulator local = emulator.getIfAvailable();
        if (local != null) {
            log.info("Twilio: using the built-in emulator (no calls leave this machine)");
            return new TwilioAccount(local.accountSid(), local.authToken(), true);
        }
        if (!properties.configured()) {
            throw new IllegalStateException("Set callmask.twilio.account-sid and callmask.twilio.auth-token, "
                    + "or turn the emulator on with callmask.emulator.enabled=true");
        }
        if (properties.authToken() == null || properties.authToken().isBlank()) {
            throw new IllegalStateException("callmask.twilio.auth-token is required with callmask.twilio.account-sid");
        }
        log.info("Twilio: using account {}", properties.accountSid());
        return new TwilioAccount(properties.accountSid(), properties.authToken(), false);
    }

    @Bean
    TwilioRestClient twilioRestClient(TwilioAccount account, TwilioProperties properties, PublicBaseUrl urls) {
        var builder = new TwilioRestClient.Builder(account.accountSid(), account.authToken());
        if (account.emulated()) {
            builder.httpClient(new ApiBaseUrlHttpClient(() -> urls.local() + "/emulator/twilio"));
        } else if (properties.apiBaseUrl() != null) {
            String base = properties.apiBaseUrl().toString().replaceAll("/+$", "");
            builder.httpClient(new ApiBaseUrlHttpClient(() -> base));
        }
        return builder.build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerPoolWithEmulator(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        TwilioEmulator emulator = context.getBeanProvider(TwilioEmulator.class).getIfAvailable();
        if (emulator == null) {
            return;
        }
        URI voice = URI.create(context.getBean(TwilioWebhooks.class).voice());
        // Only Twilio's own numbers ring through the emulator; another carrier's never reach Twilio.
        context.getBean(Pool.class).all().stream().filter(n -> TwilioCarrier.NAME.equals(n.carrier()))
                .forEach(n -> emulator.registerIncomingNumber(n.number().e164(), voice));
    }
}
