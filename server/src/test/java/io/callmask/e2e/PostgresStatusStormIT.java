package io.callmask.e2e;

import io.callmask.support.OnPostgres;

@OnPostgres
class PostgresStatusStormIT extends StatusStormScenarios {}
