package io.callmask.tools.replay;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A recorded or generated day of orders, replayable against the allocator. On disk it is a CSV
 * with the header {@code open_s,close_s,reference,retailer_number,customer_number}, one
 * {@link TraceRow} per line; blank lines are ignored. Reading goes line by line, so a large
 * trace can also be consumed row by row with {@link #forEachRow(Reader, Consumer)} without
 * holding it in memory. Bad input throws {@link TraceFormatException} naming the line.
 */
public record Trace(List<TraceRow> rows) {

    public Trace {
        rows = List.copyOf(rows);
    }

    /** Reads a whole trace file (UTF-8). */
    public static Trace read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    /** Reads a whole trace; the reader is not closed. */
    public static Trace read(Reader reader) throws IOException {
        List<TraceRow> rows = new ArrayList<>();
        forEachRow(reader, rows::add);
        return new Trace(rows);
    }

    /** Streams the rows of a trace to {@code sink} in file order, checking each line as it comes. */
    public static void forEachRow(Reader reader, Consumer<TraceRow> sink) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        TraceCsv.checkHeader(lines.readLine());
        long lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                sink.accept(TraceCsv.parse(line, lineNumber));
            }
        }
    }

    /** Writes the header and the rows; the writer is flushed, not closed. */
    public void write(Writer writer) throws IOException {
        Writer out = writer instanceof BufferedWriter ? writer : new BufferedWriter(writer, 1 << 16);
        out.write(TraceCsv.HEADER);
        out.write('\n');
        for (TraceRow row : rows) {
            out.write(TraceCsv.format(row));
        }
        out.flush();
    }

    /** Writes the trace to {@code file} (UTF-8), replacing it. */
    public void write(Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(writer);
        }
    }

    /** The trace as CSV text, for small traces and tests. */
    public String toCsv() {
        var text = new StringWriter();
        try {
            write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public int size() {
        return rows.size();
    }
}
