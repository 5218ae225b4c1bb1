package io.callmask.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a Spring test on the embedded default, an H2 file database (fresh per build under
 * {@code target/}). Every class so marked shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties =
        "spring.datasource.url=jdbc:h2:file:./target/it-data/h2-${random.uuid};DB_CLOSE_ON_EXIT=FALSE")
public @interface OnH2 {}
