package io.callmask.emulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process Twilio emulator ({@code callmask.emulator.*}).
 *
 * @param enabled                   {@code true} serves {@code /emulator}; {@code false} (the default) nothing
 * @param accountSid                the account the emulator accepts on its REST surface
 * @param authToken                 the token it accepts and signs webhooks with; blank: {@code emulator-auth-token}
 * @param timeScale                 real seconds per emulated second (0.01 runs 30 s of ringing in 300 ms)
 * @param defaultRingTimeoutSeconds ring time of a REST-created call without {@code Timeout}
 * @param webhookTimeout            how long a webhook may take before it counts as failed (real time)
 * @param loadBalancer              optional: webhooks to URLs under {@code public-url} go to {@code instances} in
 *                                  turn, and a refused connection moves on to the next (a load balancer's part)
 */
@ConfigurationProperties("emulator")
public record EmulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("AC00000000000000000000000000000000") String accountSid,
        @DefaultValue("") String authToken,
        @DefaultValue("1.0") double timeScale,
        @DefaultValue("60") int defaultRingTimeoutSeconds,
        @DefaultValue("15s") Duration webhookTimeout,
        @DefaultValue LoadBalancer loadBalancer) {

    /** {@code emulator.load-balancer.public-url} and {@code .instances} (base URLs, e.g. http://127.0.0.1:18081). */
    public record LoadBalancer(@DefaultValue("") String publicUrl, @DefaultValue({}) java.util.List<String> instances) {
        public LoadBalancer {
            instances = instances == null ? java.util.List.of() : java.util.List.copyOf(instances);
        }
    }

    public EmulatorProperties {
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("emulator.time-scale must be > 0, was " + timeScale);
        }
    }
}
