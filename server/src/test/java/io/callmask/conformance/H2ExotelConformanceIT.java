package io.callmask.conformance;

import java.util.List;

/** The conformance suite for Exotel (click-to-call and the applet dial-in), on H2. */
class H2ExotelConformanceIT extends CarrierConformance {

    @Override
    CarrierDriver driver() {
        return new ExotelDriver();
    }

    @Override
    List<String> database() {
        return CarrierApp.h2("exotel");
    }

    @Override
    String databaseLabel() {
        return "H2";
    }
}
