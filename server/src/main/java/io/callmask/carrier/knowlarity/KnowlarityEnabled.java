package io.callmask.carrier.knowlarity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** On every bean of the Knowlarity adapter: it exists only with {@code callmask.carriers.knowlarity.enabled=true}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "callmask.carriers.knowlarity.enabled", havingValue = "true")
@interface KnowlarityEnabled {}
