package io.callmask.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Collects every conformance scenario's outcome per carrier and database, and prints the table of
 * scenarios passed after each carrier's run (the last print holds them all); it is also written to
 * {@code target/conformance/carriers.md}.
 */
final class ConformanceTable implements TestWatcher, AfterAllCallback, InvocationInterceptor {

    /** run ("twilio (H2)") -> scenario -> passed. */
    private static final Map<String, Map<String, Boolean>> RESULTS = new LinkedHashMap<>();
    /** "run|scenario" -> why the carrier cannot do it; what callmask does instead was checked. */
    private static final Map<String, String> NOT_SUPPORTED = new TreeMap<>();

    /** A scenario that ran up to where the carrier's abilities end, and checked the refusal there. */
    static synchronized void notSupported(String run, String scenario, String reason) {
        NOT_SUPPORTED.put(run + "|" + scenario, reason);
    }

    /**
     * A scenario the driver declares {@link CarrierDriver#unsupported() unsupported} does not run; its
     * refusal check does, and the table says "not supported" when the check passed (FAIL when it did not).
     */
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        CarrierConformance suite = (CarrierConformance) context.getRequiredTestInstance();
        String scenario = context.getRequiredTestMethod().getName();
        CarrierDriver.Unsupported unsupported = suite.carrier.unsupported().get(scenario);
        if (unsupported == null) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        notSupported(run(suite), scenario, unsupported.reason());
        unsupported.check().accept(suite);
    }

    private static String run(CarrierConformance suite) {
        return suite.carrier.name() + " (" + suite.databaseLabel() + ")";
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, true);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, false);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, false);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        record(context, false);
    }

    private static synchronized void record(ExtensionContext context, boolean passed) {
        CarrierConformance suite = (CarrierConformance) context.getRequiredTestInstance();
        String run = run(suite);
        RESULTS.computeIfAbsent(run, r -> new TreeMap<>()).put(context.getRequiredTestMethod().getName(), passed);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        String table = table();
        System.out.println(table);
        Path file = Path.of("target", "conformance", "carriers.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
    }

    static synchronized String table() {
        TreeSet<String> scenarios = new TreeSet<>();
        RESULTS.values().forEach(r -> scenarios.addAll(r.keySet()));
        StringBuilder out = new StringBuilder("\nCarrier conformance: scenarios passed\n\n| scenario |");
        RESULTS.keySet().forEach(run -> out.append(' ').append(run).append(" |"));
        out.append("\n|---|").append("---|".repeat(RESULTS.size())).append('\n');
        for (String scenario : scenarios) {
            out.append("| ").append(scenario).append(" |");
            RESULTS.forEach((run, r) -> out.append(!r.containsKey(scenario) ? " - |" : !r.get(scenario) ? " FAIL |"
                    : NOT_SUPPORTED.containsKey(run + "|" + scenario) ? " not supported |" : " pass |"));
            out.append('\n');
        }
        // "not supported" counts as neither passed nor failed: n/m (+k not supported), m excluding k
        out.append("| **passed** |");
        RESULTS.forEach((run, r) -> {
            // a not-supported scenario whose refusal check failed counts as a failure, not as "not supported"
            long unsupported = r.entrySet().stream().filter(e -> e.getValue())
                    .filter(e -> NOT_SUPPORTED.containsKey(run + "|" + e.getKey())).count();
            long passed = r.entrySet().stream().filter(e -> e.getValue())
                    .filter(e -> !NOT_SUPPORTED.containsKey(run + "|" + e.getKey())).count();
            out.append(' ').append(passed).append('/').append(r.size() - unsupported)
                    .append(unsupported == 0 ? "" : " (" + unsupported + " not supported)").append(" |");
        });
        out.append('\n');
        if (!NOT_SUPPORTED.isEmpty()) {
            out.append("\nNot supported (the refusal was checked instead):\n\n");
            NOT_SUPPORTED.forEach((key, reason) -> out.append("- ").append(key.replace("|", ": ")).append(" - ")
                    .append(reason).append('\n'));
        }
        return out.toString();
    }
}
