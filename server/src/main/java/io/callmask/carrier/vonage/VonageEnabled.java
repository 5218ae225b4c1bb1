package io.callmask.carrier.vonage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** On every bean of the Vonage adapter: it exists only with {@code callmask.carriers.vonage.enabled=true}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "callmask.carriers.vonage.enabled", havingValue = "true")
@interface VonageEnabled {}
