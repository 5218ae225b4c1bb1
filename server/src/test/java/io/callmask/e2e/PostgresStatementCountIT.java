package io.callmask.e2e;

import io.callmask.support.OnPostgres;

@OnPostgres
class PostgresStatementCountIT extends StatementCountScenarios {

    // Measured 2026-12-02 (before any speed work): the figures docs/benchmarks.md explains. Lower them when a
    // change saves a statement; a change that adds one must say why here.
    @Override
    Budget sessionCreation() {
        return new Budget(15, 2, 0);
    }

    @Override
    Budget dialInBridge() {
        return new Budget(6, 4, 0);
    }

    @Override
    Budget retailerDialInBridge() {
        return new Budget(14, 8, 0);
    }

    @Override
    Budget statusCallback() {
        return new Budget(4, 4, 0);
    }

    @Override
    Budget clickToCallStart() {
        return new Budget(14, 10, 0);
    }
}
