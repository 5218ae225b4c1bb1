package io.callmask.core.calling;

import io.callmask.core.Refusal;
import io.callmask.core.call.Leg;
import io.callmask.core.call.LegStatus;
import io.callmask.core.config.CallmaskProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Leg status reports that arrived while the database was away, kept on local disk until they are applied.
 * A carrier that does not retry a status callback (most do not, or only within seconds) would otherwise lose
 * the end of a call, and with it its duration and cost. Each report is one line appended to
 * {@code <data-dir>/journal/reports.log} and forced to disk before the carrier is answered; every
 * {@code callmask.calls.journal-replay-interval} the journal is applied in arrival order, and emptied once all of
 * it is in the database. Applying is idempotent (a leg only moves up its rank), so a report applied again after
 * a crash mid-replay changes nothing. The lines hold call ids, carrier leg ids, statuses and times, never a
 * number. A lock file makes instances that share a data directory take turns.
 * <p>
 * Meters: {@code callmask.status.journal} by outcome (journaled, applied, dropped: its call never reached the
 * database), and the gauge {@code callmask.status.journal.pending}.
 */
@Component
public class ReportJournal {

    private static final Logger log = LoggerFactory.getLogger(ReportJournal.class);
    private static final String VERSION = "1";

    private final Path file;
    private final Path lockFile;
    private final CallService calls;
    private final AtomicInteger pending = new AtomicInteger();
    private final Object replaying = new Object();
    private final Counter journaled;
    private final Counter applied;
    private final Counter dropped;

    ReportJournal(CallmaskProperties properties, CallService calls, MeterRegistry registry) {
        Path dir = properties.dataDir().resolve("journal");
        this.file = dir.resolve("reports.log");
        this.lockFile = dir.resolve("reports.lock");
        this.calls = calls;
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                pending.set(read().size());
                if (pending.get() > 0) {
                    log.warn("{} status reports from before the last stop wait in {}; they are applied once the "
                            + "database answers", pending.get(), file.toAbsolutePath());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the report journal at " + file, e);
        }
        journaled = outcome(registry, "journaled");
        applied = outcome(registry, "applied");
        dropped = outcome(registry, "dropped");
        Gauge.builder("callmask.status.journal.pending", pending, AtomicInteger::get)
                .description("Status reports kept on local disk until the database takes them").register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("callmask.status.journal").tag("outcome", outcome)
                .description("Status reports kept on local disk while the database was away, and what became of them")
                .register(registry);
    }

    /** A report for a leg of a known call. */
    public void leg(String callId, Leg.Role role, String carrierSid, LegStatus status, Integer sequence,
            Integer duration, Instant receivedAt) {
        append(new Entry("leg", callId, role, carrierSid, status, sequence, duration, receivedAt));
    }

    /** A report that names only the carrier's leg id. */
    public void legOnly(String carrierSid, LegStatus status, Integer duration, Instant receivedAt) {
        append(new Entry("sid", null, null, carrierSid, status, null, duration, receivedAt));
    }

    public int pending() {
        return pending.get();
    }

    /**
     * Applies what is kept, oldest first, until the database fails again.
     *
     * @return the number of reports applied or dropped by this run
     */
    @Scheduled(fixedDelayString = "${callmask.calls.journal-replay-interval:2s}",
            initialDelayString = "${callmask.calls.journal-replay-interval:2s}")
    public int replay() {
        if (pending.get() == 0) {
            return 0;
        }
        synchronized (replaying) { // one replay at a time; appends go on meanwhile
            try {
                List<String> lines = locked(this::read);
                int done = 0;
                for (String line : lines) {
                    if (!apply(line)) {
                        break;
                    }
                    done++;
                }
                if (done > 0) {
                    int applied = done;
                    // Appends only add at the end, so the first lines are still the ones applied.
                    int left = locked(() -> {
                        List<String> now = read();
                        pending.set(now.size() - applied); // taken by the database already, before the rewrite syncs
                        rewrite(now.subList(applied, now.size()));
                        return now.size() - applied;
                    });
                    log.info("Applied {} status reports kept while the database was away; {} left", done, left);
                }
                return done;
            } catch (IOException e) {
                log.error("Cannot read the report journal {}: {}", file.toAbsolutePath(), e.toString());
                return 0;
            }
        }
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    /** {@code work} under the journal's lock: this instance's appends, and other instances sharing the directory. */
    private synchronized <T> T locked(Io<T> work) throws IOException {
        try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            return work.run();
        }
    }

    /** False when the database is still away (the line stays). */
    private boolean apply(String line) {
        Entry entry;
        try {
            entry = Entry.parse(line);
        } catch (RuntimeException unreadable) {
            log.error("Dropped an unreadable line of the report journal ({})", unreadable.getMessage());
            dropped.increment();
            return true;
        }
        try {
            if (entry.callId() == null) {
                if (!calls.reportLeg(entry.carrierSid(), entry.status(), entry.duration(), entry.receivedAt())) {
                    // a leg reported by its number alone: usually a dial-in's that was turned away while the
                    // database was out, so no call was made to hold it (nothing lost; as when it is not kept)
                    log.info("Dropped a kept report for leg {}: no call has that leg", entry.carrierSid());
                    dropped.increment();
                    return true;
                }
            } else {
                calls.report(entry.callId(), entry.role(), entry.carrierSid(), entry.status(), entry.sequence(),
                        entry.duration(), entry.receivedAt());
            }
            applied.increment();
            return true;
        } catch (Refusal refused) {
            log.warn("Dropped a kept report for call {}: {}", entry.callId(), refused.getMessage());
            dropped.increment();
            return true;
        } catch (DataAccessException away) {
            return false;
        }
    }

    private void append(Entry entry) {
        byte[] line = (entry.line() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            locked(() -> {
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    out.force(false); // on disk before the carrier hears it was taken
                }
                pending.incrementAndGet();
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report journal " + file.toAbsolutePath(), e);
        }
        journaled.increment();
    }

    private List<String> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Replaces the journal with {@code left}, atomically (a new file moved over the old one). */
    private void rewrite(List<String> left) throws IOException {
        Path next = file.resolveSibling("reports.log.next");
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(left.isEmpty() ? new byte[0]
                    : (String.join("\n", left) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        }
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** One kept report: tab-separated, a version first; empty fields are absent values. */
    record Entry(String kind, String callId, Leg.Role role, String carrierSid, LegStatus status, Integer sequence,
            Integer duration, Instant receivedAt) {

        String line() {
            return String.join("\t", VERSION, kind, text(callId), role == null ? "" : role.wire(), carrierSid,
                    status.wire(), text(sequence), text(duration), Long.toString(receivedAt.toEpochMilli()));
        }

        static Entry parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 9 || !VERSION.equals(f[0]) || !(f[1].equals("leg") || f[1].equals("sid"))) {
                throw new IllegalArgumentException("not a version " + VERSION + " journal line");
            }
            LegStatus status = LegStatus.fromWire(f[5]).orElseThrow(() -> new IllegalArgumentException("status"));
            Leg.Role role = f[3].isEmpty() ? null : f[3].equals("caller") ? Leg.Role.CALLER : Leg.Role.CALLEE;
            return new Entry(f[1], f[2].isEmpty() ? null : f[2], role, f[4], status, integer(f[6]), integer(f[7]),
                    Instant.ofEpochMilli(Long.parseLong(f[8])));
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString();
        }

        private static Integer integer(String text) {
            return text.isEmpty() ? null : Integer.valueOf(text);
        }
    }
}
