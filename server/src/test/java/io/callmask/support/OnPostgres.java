package io.callmask.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test on PostgreSQL. Every class so marked shares one application context and one
 * fresh database, created once per test JVM by {@link PostgresInitializer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface OnPostgres {}
