package io.callmask.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator console ({@code callmask.console.*}).
 *
 * @param sessionTtl how long a console login lasts before the operator signs in again
 * @param loginAttemptsPerMinute failed sign-ins one address may make per minute (then 429)
 */
@ConfigurationProperties("callmask.console")
public record ConsoleProperties(@DefaultValue("8h") Duration sessionTtl,
        @DefaultValue("10") int loginAttemptsPerMinute) {}
