package io.callmask.conformance;

import java.util.List;

/** The conformance suite for Telnyx (TeXML), on H2. */
class H2TelnyxConformanceIT extends CarrierConformance {

    @Override
    CarrierDriver driver() {
        return new TelnyxDriver(clock);
    }

    @Override
    List<String> database() {
        return CarrierApp.h2("telnyx");
    }

    @Override
    String databaseLabel() {
        return "H2";
    }
}
