package io.callmask.conformance;

import io.callmask.support.App;
import io.callmask.support.PostgresDatabase;
import java.util.List;

/** The conformance suite for Msg91 on PostgreSQL (a fresh database), as production runs it. */
class PostgresMsg91ConformanceIT extends CarrierConformance {

    @Override
    CarrierDriver driver() {
        return new Msg91Driver();
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
