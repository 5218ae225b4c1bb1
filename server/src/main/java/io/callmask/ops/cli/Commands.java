package io.callmask.ops.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The jar's commands besides serving: {@code rotate-keys} (the trace generator and replay are in the tools module). Each returns a
 * process exit code; errors are one clear line on standard error.
 */
public final class Commands {

    private Commands() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("rotate-keys");
    }

    /** {@code application}: the application class to start a context of (the caller's, so this package knows none). */
    public static int run(String[] args, PrintStream out, PrintStream err, Class<?> application) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return guarded(args[0], err, () -> switch (args[0]) {
            case "rotate-keys" -> RotateKeysCommand.run(rest, out, application);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        });
    }

    /** A command's body returning its exit code. */
    @FunctionalInterface
    public interface Body {
        int run() throws Exception;
    }

    /**
     * Runs one command's {@code body}: a refused argument (IllegalArgumentException) is exit 2, any other failure
     * exit 1, each as one line on {@code err} naming the command; also the tools module's commands.
     */
    public static int guarded(String command, PrintStream err, Body body) {
        try {
            return body.run();
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }
}
