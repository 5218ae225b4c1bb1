package io.callmask.e2e;

import io.callmask.support.OnPostgres;

@OnPostgres
class PostgresObservabilityIT extends ObservabilityScenarios {}
