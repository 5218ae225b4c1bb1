package io.callmask.emulator;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * On when {@code callmask.emulator.enabled} is {@code true}, or {@code auto} (the default), the Twilio adapter
 * is enabled and no real Twilio account is configured. Every emulator bean carries it, so a production app
 * with credentials has no {@code /emulator} endpoints at all. Public for the demo marketplace
 * ({@code io.callmask.demo}), which exists exactly when the emulator does; the emulator itself still imports
 * nothing from callmask.
 */
public final class EmulatorEnabledCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        String enabled = env.getProperty("callmask.emulator.enabled", "auto").trim().toLowerCase();
        return switch (enabled) {
            case "true" -> true;
            case "false" -> false;
            // auto: only where Twilio is the adapter in use without an account; a deployment on another
            // carrier (callmask.carriers.twilio.enabled=false) must not expose /emulator.
            case "auto" -> !StringUtils.hasText(env.getProperty("callmask.twilio.account-sid"))
                    && !"false".equalsIgnoreCase(env.getProperty("callmask.carriers.twilio.enabled", "true").trim());
            default -> throw new IllegalStateException(
                    "callmask.emulator.enabled must be auto, true or false, was '" + enabled + "'");
        };
    }
}
