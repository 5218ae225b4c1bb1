package io.callmask.carrier.connect;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** On every bean of the Amazon Connect adapter: it exists only with {@code callmask.carriers.connect.enabled=true}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "callmask.carriers.connect.enabled", havingValue = "true")
@interface ConnectEnabled {}
