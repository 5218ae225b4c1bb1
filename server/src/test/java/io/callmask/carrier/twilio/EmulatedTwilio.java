package io.callmask.carrier.twilio;

import com.twilio.http.TwilioRestClient;
import io.callmask.core.pool.Pool;
import io.callmask.emulator.TwilioEmulator;
import io.callmask.web.PublicBaseUrl;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * The emulator as this instance's Twilio, for the tests and the demo run (never in the product jar): the SDK's
 * client points at {@code /emulator/twilio} on this very server (whose port is known only once it listens), and
 * the pool's Twilio numbers are registered there with callmask's voice webhook and number status callback, as one
 * would in Twilio's console.
 * Off when a test points the adapter at its own fake ({@code callmask.twilio.api-base-url}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${emulator.enabled:false}' == 'true' && '${callmask.twilio.api-base-url:}' == ''"
        + " && '${callmask.carriers.twilio.enabled:true}' != 'false'")
class EmulatedTwilio {

    @Bean
    @Primary
    TwilioRestClient emulatedTwilioRestClient(TwilioAccount account, PublicBaseUrl urls) {
        return new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                .httpClient(new ApiBaseUrlHttpClient(() -> urls.local() + "/emulator/twilio")).build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerPoolWithEmulator(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        TwilioEmulator emulator = context.getBean(TwilioEmulator.class);
        TwilioWebhooks webhooks = context.getBean(TwilioWebhooks.class);
        URI voice = URI.create(webhooks.voice());
        URI status = URI.create(webhooks.numberStatus());
        // Only Twilio's own numbers ring through the emulator; another carrier's never reach Twilio.
        context.getBean(Pool.class).all().stream().filter(n -> TwilioCarrier.NAME.equals(n.carrier()))
                .forEach(n -> emulator.registerIncomingNumber(n.number().e164(), voice, status));
    }
}
