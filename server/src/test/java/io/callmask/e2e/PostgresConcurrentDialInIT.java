package io.callmask.e2e;

import io.callmask.support.OnPostgres;

/** {@link ConcurrentDialInScenarios} on PostgreSQL. */
@OnPostgres
class PostgresConcurrentDialInIT extends ConcurrentDialInScenarios {}
