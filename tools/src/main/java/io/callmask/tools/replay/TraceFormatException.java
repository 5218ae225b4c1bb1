package io.callmask.tools.replay;

/**
 * A trace file that cannot be read. The message names the line and the problem, never a field's
 * value: a misplaced column could put a real phone number into any field.
 */
public class TraceFormatException extends RuntimeException {

    private final long line;

    public TraceFormatException(long line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line of the file (the header is line 1). */
    public long line() {
        return line;
    }
}
