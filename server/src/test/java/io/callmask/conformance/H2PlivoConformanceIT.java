package io.callmask.conformance;

import java.util.List;

/** The conformance suite for Plivo, on H2. */
class H2PlivoConformanceIT extends CarrierConformance {

    @Override
    CarrierDriver driver() {
        return new PlivoDriver();
    }

    @Override
    List<String> database() {
        return CarrierApp.h2("plivo");
    }

    @Override
    String databaseLabel() {
        return "H2";
    }
}
