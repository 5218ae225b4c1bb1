package io.callmask.carrier.msg91;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** On every bean of the MSG91 adapter: it exists only with {@code callmask.carriers.msg91.enabled=true}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "callmask.carriers.msg91.enabled", havingValue = "true")
@interface Msg91Enabled {}
