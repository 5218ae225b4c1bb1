package io.callmask.conformance;

import io.callmask.support.App;
import io.callmask.support.PostgresDatabase;
import java.util.List;

/** The conformance suite for Amazon Connect on PostgreSQL (a fresh database), as production runs it. */
class PostgresConnectConformanceIT extends CarrierConformance {

    @Override
    CarrierDriver driver() {
        return new ConnectDriver(clock);
    }

    @Override
    List<String> database() {
        return App.postgres(PostgresDatabase.create());
    }

    @Override
    String databaseLabel() {
        return "PostgreSQL";
    }
}
