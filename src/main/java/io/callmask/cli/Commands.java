package io.callmask.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The jar's commands besides serving: {@code generate-trace}, {@code replay} and {@code rotate-keys}. Each returns a
 * process exit code; errors are one clear line on standard error.
 */
public final class Commands {

    private Commands() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("replay") || args[0].equals("generate-trace")
                || args[0].equals("rotate-keys"));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "generate-trace" -> GenerateTraceCommand.run(Options.parse(rest), out);
                case "replay" -> ReplayCommand.run(Options.parse(rest), out);
                case "rotate-keys" -> RotateKeysCommand.run(rest, out);
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            };
        } catch (IllegalArgumentException e) {
            err.println(args[0] + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }
}
