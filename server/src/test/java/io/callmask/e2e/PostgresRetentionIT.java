package io.callmask.e2e;

import io.callmask.support.FreshPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = FreshPostgresInitializer.class)
class PostgresRetentionIT extends RetentionScenarios {}
