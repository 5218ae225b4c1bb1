package io.callmask.conformance;

import java.util.List;

/** The conformance suite for Twilio, on H2. */
class H2TwilioConformanceIT extends CarrierConformance {

    @Override
    CarrierDriver driver() {
        return new TwilioDriver();
    }

    @Override
    List<String> database() {
        return CarrierApp.h2("twilio");
    }

    @Override
    String databaseLabel() {
        return "H2";
    }
}
