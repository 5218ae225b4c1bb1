package io.callmask.tools;

import io.callmask.ops.cli.Commands;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The tools' commands ({@code java -jar tools/target/callmask-tools.jar COMMAND …}): {@code generate-trace} writes a
 * synthetic day of orders, {@code replay} runs one through callmask's allocator and router in-process. Each returns a
 * process exit code; errors are one clear line on standard error. Not part of the product jar.
 */
public final class Tools {

    private Tools() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: generate-trace FILE [--orders=N …] | replay FILE [--db=h2|postgres …]");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return Commands.guarded(args[0], err, () -> switch (args[0]) {
            case "generate-trace" -> GenerateTraceCommand.run(Options.parse(rest), out);
            case "replay" -> ReplayCommand.run(Options.parse(rest), out);
            default -> throw new IllegalArgumentException("unknown command; use generate-trace or replay");
        });
    }
}
