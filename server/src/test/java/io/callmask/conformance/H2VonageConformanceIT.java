package io.callmask.conformance;

import java.util.List;

/** The conformance suite for Vonage (NCCO), on H2. */
class H2VonageConformanceIT extends CarrierConformance {

    @Override
    CarrierDriver driver() {
        return new VonageDriver(clock);
    }

    @Override
    List<String> database() {
        return CarrierApp.h2("vonage");
    }

    @Override
    String databaseLabel() {
        return "H2";
    }
}
