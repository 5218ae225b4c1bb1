package io.callmask.carrier.telnyx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** On every bean of the Telnyx adapter: it exists only with {@code callmask.carriers.telnyx.enabled=true}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "callmask.carriers.telnyx.enabled", havingValue = "true")
@interface TelnyxEnabled {}
