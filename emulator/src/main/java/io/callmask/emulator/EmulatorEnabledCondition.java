package io.callmask.emulator;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * On only with {@code emulator.enabled=true}: the emulator's beans exist where someone asked for them (the
 * demo run, the tests, {@link EmulatorApplication}), never because a setting was forgotten. The product jar
 * does not contain this module at all.
 */
public final class EmulatorEnabledCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String enabled = context.getEnvironment().getProperty("emulator.enabled", "false").trim().toLowerCase();
        return switch (enabled) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException("emulator.enabled must be true or false, was '" + enabled + "'");
        };
    }
}
