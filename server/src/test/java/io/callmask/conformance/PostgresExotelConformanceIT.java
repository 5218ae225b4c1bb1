package io.callmask.conformance;

import io.callmask.support.App;
import io.callmask.support.PostgresDatabase;
import java.util.List;

/** The conformance suite for Exotel on PostgreSQL (a fresh database), as production runs it. */
class PostgresExotelConformanceIT extends CarrierConformance {

    @Override
    CarrierDriver driver() {
        return new ExotelDriver();
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
