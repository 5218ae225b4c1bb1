package io.callmask.carrier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Times every request callmask makes to a carrier's REST API: {@code callmask.carrier.requests} (histogram) by
 * carrier, operation ({@code place-call}, {@code place-bridge}, {@code fetch-recording}, {@code delete-recording})
 * and outcome ({@code ok}, or {@code error} when the carrier refused or could not be reached).
 */
@Component
public class CarrierRequests {

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;

    public CarrierRequests(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> T timed(Carrier carrier, String operation, Supplier<T> request) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            T result = request.get();
            outcome = "ok";
            return result;
        } finally {
            Timer.builder("callmask.carrier.requests").description("Requests to a carrier's REST API")
                    .serviceLevelObjectives(BUCKETS)
                    .tags("carrier", carrier.name(), "operation", operation, "outcome", outcome)
                    .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    public void timed(Carrier carrier, String operation, Runnable request) {
        timed(carrier, operation, () -> {
            request.run();
            return null;
        });
    }
}
