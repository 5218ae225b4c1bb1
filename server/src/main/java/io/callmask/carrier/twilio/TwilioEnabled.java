package io.callmask.carrier.twilio;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * On every bean of the Twilio adapter: it exists unless {@code callmask.carriers.twilio.enabled}
 * is false, so a deployment on another carrier has no {@code /webhooks/twilio} at all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "callmask.carriers.twilio.enabled", havingValue = "true", matchIfMissing = true)
@interface TwilioEnabled {}
