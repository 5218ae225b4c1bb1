package io.callmask.e2e;

import io.callmask.support.OnPostgres;

/** The statement budgets on PostgreSQL: today the shared ones of {@link StatementCountScenarios}. */
@OnPostgres
class PostgresStatementCountIT extends StatementCountScenarios {}
