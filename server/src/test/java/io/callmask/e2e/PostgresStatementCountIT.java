package io.callmask.e2e;

import io.callmask.support.OnPostgres;

/**
 * The statement budgets on PostgreSQL: a dial-in's call and first leg are one statement there
 * (a data-modifying {@code WITH}), two on H2.
 */
@OnPostgres
class PostgresStatementCountIT extends StatementCountScenarios {

    @Override
    Budget dialInBridge() {
        return new Budget(3, 2, 0);
    }

    @Override
    Budget retailerDialInBridge() {
        return new Budget(9, 3, 0);
    }
}
