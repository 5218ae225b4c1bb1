package io.callmask.emulator;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** Creates the emulator (and, with {@code emulator.demo.enabled}, the demo) when {@link EmulatorEnabledCondition} holds; its controllers carry the same condition. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmulatorEnabledCondition.class)
@EnableConfigurationProperties(EmulatorProperties.class)
public class EmulatorConfiguration {

    static final String FALLBACK_TOKEN = "emulator-auth-token";

    @Bean
    TwilioEmulator twilioEmulator(EmulatorProperties properties, Environment environment) {
        String token = properties.authToken();
        // The server's port is known only once it runs: read when a recording URL is made.
        return new TwilioEmulator(properties, StringUtils.hasText(token) ? token : FALLBACK_TOKEN,
                () -> "http://localhost:" + environment.getProperty("local.server.port", "8080")
                        + environment.getProperty("server.servlet.context-path", "") + "/emulator/twilio");
    }
}
