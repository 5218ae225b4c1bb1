package io.callmask.e2e;

import io.callmask.support.OnPostgres;

/**
 * The statement budgets on PostgreSQL: a dial-in's call and first leg are one statement there
 * (a data-modifying {@code WITH}), two on H2; so are a new session, its parties and their routes
 * (three on H2), and a session's end with its releases and freed routes (eight on H2).
 */
@OnPostgres
class PostgresStatementCountIT extends StatementCountScenarios {

    @Override
    Budget sessionCreation() {
        return new Budget(4, 2, 0);
    }

    /** One transaction: one statement ends the session, frees its routes and returns it; the commit. */
    @Override
    Budget sessionClose() {
        return new Budget(2, 1, 0);
    }

    @Override
    Budget dialInBridge() {
        return new Budget(3, 2, 0);
    }

    @Override
    Budget retailerDialInBridge() {
        return new Budget(9, 3, 0);
    }
}
