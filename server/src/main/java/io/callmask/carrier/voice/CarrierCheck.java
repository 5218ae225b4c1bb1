package io.callmask.carrier.voice;

import io.callmask.core.recording.RecordingProperties;
import io.callmask.carrier.Carriers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the pool is seeded: every number still in service belongs to an enabled carrier, or the
 * start stops, naming the numbers (redacted) and their carriers. A number the database still
 * gives to a carrier that was switched off would otherwise turn every caller away.
 */
@Component
@Order(1)
class CarrierCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CarrierCheck.class);

    private final Carriers carriers;
    private final RecordingProperties recording;

    CarrierCheck(Carriers carriers, RecordingProperties recording) {
        this.carriers = carriers;
        this.recording = recording;
    }

    @Override
    public void run(ApplicationArguments args) {
        var orphans = carriers.orphans();
        if (!orphans.isEmpty()) {
            throw new IllegalStateException("Pool numbers belong to carriers that are not enabled: " + orphans
                    + "; enable those carriers (callmask.carriers.<name>.enabled=true) or give the numbers to one "
                    + "that is (callmask.carriers.<name>.numbers, callmask.carrier)");
        }
        var hubs = carriers.hubsWithoutMenu();
        if (!hubs.isEmpty()) {
            throw new IllegalStateException("Hub numbers belong to carriers that cannot answer a dial-in: " + hubs
                    + "; these carriers only bridge click-to-calls (no order-code menu): give the hubs to a carrier "
                    + "that answers dial-ins (callmask.carriers.<name>.numbers) or remove them from callmask.hubs");
        }
        // Every session records by default, and no call showing these numbers can be recorded: each would be refused.
        var unrecordable = carriers.numbersWithoutRecording();
        if (recording.byDefault() && !unrecordable.isEmpty()) {
            throw new IllegalStateException("callmask.recording.default is true, but numbers belong to carriers that "
                    + "cannot record: " + unrecordable + "; set callmask.recording.default=false (sessions may still "
                    + "ask for recording) or give the numbers to a carrier that records");
        }
        log.info("Carriers enabled: {}", carriers.enabled());
    }
}
