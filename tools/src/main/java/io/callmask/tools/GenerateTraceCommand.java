package io.callmask.tools;

import io.callmask.tools.replay.TraceGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code generate-trace OUT.csv [--orders=N] [--retailers=N] [--customers=N] [--seed=S]}: a seeded marketplace day. */
final class GenerateTraceCommand {

    private GenerateTraceCommand() {}

    static int run(Options options, PrintStream out) throws IOException {
        options.allow(Set.of("orders", "retailers", "customers", "seed"));
        Path file = Path.of(options.only("output file"));
        var defaults = TraceGenerator.Params.defaults();
        var params = new TraceGenerator.Params(options.integer("orders", defaults.orders()),
                options.integer("retailers", defaults.retailers()), options.integer("customers", defaults.customers()),
                defaults.zipfExponent(), options.longValue("seed", defaults.seed()));
        TraceGenerator.write(file, params);
        out.println("wrote " + params.orders() + " orders (seed " + params.seed() + ") to " + file);
        return 0;
    }
}
