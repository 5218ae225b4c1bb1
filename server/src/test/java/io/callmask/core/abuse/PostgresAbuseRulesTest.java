package io.callmask.core.abuse;

import io.callmask.support.OnPostgres;

@OnPostgres
class PostgresAbuseRulesTest extends AbuseRulesContract {}
