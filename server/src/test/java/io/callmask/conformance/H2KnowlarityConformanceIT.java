package io.callmask.conformance;

import java.util.List;

/** The conformance suite for Knowlarity (click-to-call only), on H2. */
class H2KnowlarityConformanceIT extends CarrierConformance {

    @Override
    CarrierDriver driver() {
        return new KnowlarityDriver();
    }

    @Override
    List<String> database() {
        return CarrierApp.h2("knowlarity");
    }

    @Override
    String databaseLabel() {
        return "H2";
    }
}
