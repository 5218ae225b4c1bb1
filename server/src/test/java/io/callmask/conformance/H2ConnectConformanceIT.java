package io.callmask.conformance;

import java.util.List;

/** The conformance suite for Amazon Connect, on H2. */
class H2ConnectConformanceIT extends CarrierConformance {

    @Override
    CarrierDriver driver() {
        return new ConnectDriver(clock);
    }

    @Override
    List<String> database() {
        return CarrierApp.h2("connect");
    }

    @Override
    String databaseLabel() {
        return "H2";
    }
}
