package io.callmask.abuse;

import io.callmask.support.OnPostgres;

@OnPostgres
class PostgresAbuseRulesTest extends AbuseRulesContract {}
