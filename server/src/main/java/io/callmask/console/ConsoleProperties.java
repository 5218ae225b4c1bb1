package io.callmask.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator console ({@code callmask.console.*}).
 *
 * @param sessionTtl how long a console login lasts before the operator signs in again
 * @param loginAttemptsPerMinute failed sign-ins one address may make per minute (then 429)
 * @param livePollInterval how often each instance reads the live board from the database while
 *     someone watches it (one read per instance, whatever the number of watchers)
 * @param liveHeartbeat how often an idle live stream gets a comment line, so proxies keep it open
 *     and a vanished browser is noticed
 * @param liveStreamTimeout how long one live stream lasts before the browser reconnects
 * @param liveMaxSubscribers live streams one instance serves at once; the next gets 503
 */
@ConfigurationProperties("callmask.console")
public record ConsoleProperties(@DefaultValue("8h") Duration sessionTtl,
        @DefaultValue("10") int loginAttemptsPerMinute,
        @DefaultValue("1s") Duration livePollInterval,
        @DefaultValue("15s") Duration liveHeartbeat,
        @DefaultValue("30m") Duration liveStreamTimeout,
        @DefaultValue("100") int liveMaxSubscribers) {

    public ConsoleProperties {
        if (livePollInterval.toMillis() < 100 || liveHeartbeat.toMillis() < 1000 || liveStreamTimeout.toSeconds() < 10
                || liveMaxSubscribers < 1) {
            throw new IllegalArgumentException("callmask.console: live-poll-interval >= 100ms, live-heartbeat >= 1s,"
                    + " live-stream-timeout >= 10s and live-max-subscribers >= 1");
        }
    }
}
