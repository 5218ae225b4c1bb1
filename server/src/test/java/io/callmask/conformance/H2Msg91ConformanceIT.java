package io.callmask.conformance;

import java.util.List;

/** The conformance suite for MSG91 (click-to-call only), on H2. */
class H2Msg91ConformanceIT extends CarrierConformance {

    @Override
    CarrierDriver driver() {
        return new Msg91Driver();
    }

    @Override
    List<String> database() {
        return CarrierApp.h2("msg91");
    }

    @Override
    String databaseLabel() {
        return "H2";
    }
}
