package io.callmask.carrier;

import io.callmask.core.number.PhoneNumber;
import io.callmask.core.number.Redaction;
import io.callmask.core.pool.NumberOwnership;
import io.callmask.core.pool.Pool;
import io.callmask.core.pool.PoolNumber;
import io.callmask.core.Refusal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The enabled carrier adapters, by name, and which one serves a number: the carrier that owns a
 * pool or hub number places the calls that show it. An adapter is enabled when its bean exists
 * ({@code callmask.carriers.<name>.enabled}); the configuration is checked here at start-up, so a
 * number owned by a carrier nobody enabled stops the start instead of failing a caller later.
 */
@Component
public class Carriers {

    private final Map<String, Carrier> byName;
    private final Pool pool;

    Carriers(List<Carrier> adapters, NumberOwnership ownership, Pool pool) {
        this.byName = adapters.stream().collect(Collectors.toMap(Carrier::name, c -> c, (a, b) -> {
            throw new IllegalStateException("two carrier adapters are named " + a.name());
        }, TreeMap::new));
        this.pool = pool;
        check(ownership);
    }

    private void check(NumberOwnership ownership) {
        if (!byName.containsKey(ownership.carrier())) {
            throw new IllegalStateException("callmask.carrier is '" + ownership.carrier()
                    + "', but no enabled carrier adapter has that name (enabled: " + enabled()
                    + "); enable it with callmask.carriers." + ownership.carrier() + ".enabled=true");
        }
        ownership.carriers().forEach((name, owner) -> {
            boolean wanted = Boolean.TRUE.equals(owner.enabled()) || !owner.numbers().isEmpty();
            if (wanted && !byName.containsKey(name)) {
                throw new IllegalStateException("callmask.carriers." + name + " "
                        + (owner.numbers().isEmpty() ? "is enabled" : "owns numbers")
                        + ", but no such carrier adapter is enabled (enabled: " + enabled() + ")");
            }
        });
    }

    /** The names of the enabled adapters, sorted. */
    public String enabled() {
        return String.join(", ", byName.keySet());
    }

    public Optional<Carrier> named(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /**
     * The carrier that owns {@code number}, which must place any call that shows it.
     *
     * @throws Refusal 503 {@code carrier-not-configured} when the number's carrier is not enabled
     */
    public Carrier owning(PhoneNumber number) {
        String name = pool.carrierOf(number).orElseThrow(() -> new Refusal(Refusal.Kind.UNAVAILABLE, "carrier-not-configured",
                "Carrier not configured", "The masked number " + Redaction.redact(number.e164())
                        + " is not in the pool."));
        return named(name).orElseThrow(() -> new Refusal(Refusal.Kind.UNAVAILABLE, "carrier-not-configured", "Carrier not configured",
                "The masked number " + Redaction.redact(number.e164()) + " belongs to carrier '" + name
                        + "', which is not enabled on this instance."));
    }

    /**
     * Whether {@code carrier} may show {@code callerId}: a number it owns, or any number when it can
     * show foreign caller IDs.
     */
    public boolean canShow(Carrier carrier, PhoneNumber callerId) {
        return carrier.capabilities().foreignCallerId()
                || pool.carrierOf(callerId).map(carrier.name()::equals).orElse(false);
    }

    /**
     * Hub numbers owned by an enabled carrier without {@link Capabilities#hubMenu()}: a hub is only ever dialled
     * into and answered with the order-code menu, which such a carrier cannot play (the bridging carriers).
     */
    public Map<String, String> hubsWithoutMenu() {
        Map<String, String> hubs = new TreeMap<>();
        pool.all().stream().filter(n -> n.state() != PoolNumber.State.RETIRED)
                .filter(n -> n.kind() == PoolNumber.Kind.HUB)
                .filter(n -> byName.containsKey(n.carrier()) && !byName.get(n.carrier()).capabilities().hubMenu())
                .forEach(n -> hubs.put(Redaction.redact(n.number().e164()), n.carrier()));
        return hubs;
    }

    /** Pool numbers in service owned by a carrier without {@link Capabilities#recording()}, by redacted number. */
    public Map<String, String> numbersWithoutRecording() {
        Map<String, String> numbers = new TreeMap<>();
        pool.all().stream().filter(n -> n.state() != PoolNumber.State.RETIRED)
                .filter(n -> byName.containsKey(n.carrier()))
                .filter(n -> !byName.get(n.carrier()).capabilities().recording())
                .forEach(n -> numbers.put(Redaction.redact(n.number().e164()), n.carrier()));
        return numbers;
    }

    /** Pool and hub numbers whose carrier is not enabled, as {@code redacted number -> carrier}. */
    public Map<String, String> orphans() {
        Map<String, String> orphans = new TreeMap<>();
        pool.all().stream().filter(n -> n.state() != PoolNumber.State.RETIRED)
                .filter(n -> !byName.containsKey(n.carrier()))
                .forEach(n -> orphans.put(Redaction.redact(n.number().e164()), n.carrier()));
        return orphans;
    }
}
