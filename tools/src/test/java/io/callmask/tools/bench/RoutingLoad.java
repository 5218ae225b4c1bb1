package io.callmask.tools.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Routing benchmark load driver (a benchmark, not a test: run by {@code bench/routing.sh}, never by
 * Surefire or Failsafe). It samples existing (real number, masked number) pairs of open sessions
 * from the database, then sends signed Twilio voice webhooks ({@code POST /webhooks/twilio/voice})
 * to a running callmask over real HTTP, open-loop at a fixed rate, and prints throughput and latency.
 *
 * <p>Latency is measured twice: from each request's <em>scheduled</em> send time (so a stalled
 * server cannot hide its backlog: no coordinated omission) and from the moment the request was
 * actually handed to the HTTP client. Every answer must be 200 with a {@code <Dial}; anything else
 * (other status, other TwiML, timeout, I/O error, not sent before the phase's deadline) is an error.
 *
 * <p>Phases: warm-up (half the rate, then the full rate, each {@code --warmup} seconds), the measured run at {@code --rate}, a low-rate baseline, a step ramp to find
 * the knee (stops at the first step that misses its rate, has errors over 1% or a p99 over 1 s),
 * and a serial JDBC probe that times each statement of a dial-in on its own. Per phase it also
 * prints the CPU used by callmask, by this driver, by PostgreSQL's backends serving the benchmark
 * database, by other postgres processes, and by the whole machine (from /proc).
 *
 * <p>Options (all {@code --name=value}): base-url, jdbc-url, jdbc-user, token, rate (500), warmup (10 s),
 * duration (60 s), baseline-rate (50), baseline (10 s), ramp (comma list of rates, empty for none),
 * step (15 s), connections (64), sample (50000), probe (2000 iterations, 0 for none), app-pid, marks
 * (file receiving "phase,startEpochMs,endEpochMs" lines, for the JFR summary), clk-tck (100).
 */
public final class RoutingLoad {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000000";

    private final BenchOptions opts;
    private final String baseUrl;
    private final String url;
    private final String token;
    private final HttpClient http;
    private final List<String[]> pairs = new ArrayList<>();
    private final long appPid;
    private final int clkTck;
    private final Path marks;
    private final String runId = String.format("%08x", ThreadLocalRandom.current().nextInt());
    private final AtomicLong sidCounter = new AtomicLong();
    private final ThreadLocal<Mac> mac;

    private RoutingLoad(BenchOptions opts) {
        this.opts = opts;
        this.baseUrl = opt("base-url", "http://127.0.0.1:8080");
        this.url = baseUrl + "/webhooks/twilio/voice";
        this.token = opt("token", "bench-token");
        this.appPid = Long.parseLong(opt("app-pid", "0"));
        this.clkTck = Integer.parseInt(opt("clk-tck", "100"));
        String marks = opts.get("marks", null);
        this.marks = marks == null ? null : Path.of(marks);
        if (!URI.create(baseUrl).getHost().equals("127.0.0.1") && !URI.create(baseUrl).getHost().equals("localhost")) {
            throw new IllegalArgumentException("this driver only sends to 127.0.0.1");
        }
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, daemon("http-client")))
                .build();
        byte[] key = token.getBytes(StandardCharsets.UTF_8);
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA1");
                m.init(new SecretKeySpec(key, "HmacSHA1"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static void main(String[] args) throws Exception {
        new RoutingLoad(BenchOptions.parse(args)).run();
        System.exit(0);
    }

    private String opt(String name, String dflt) {
        return opts.get(name, dflt);
    }

    private int intOpt(String name, int dflt) {
        return opts.integer(name, dflt);
    }

    private void run() throws Exception {
        if (marks != null) {
            Files.writeString(marks, "");
        }
        try (Connection db = DriverManager.getConnection(opt("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/callmask"),
                opt("jdbc-user", "postgres"), opt("jdbc-password", ""))) {
            sample(db, intOpt("sample", 50_000));
            int rate = intOpt("rate", 500);
            int connections = intOpt("connections", 64);
            System.out.printf(Locale.ROOT, "%nDriver: open loop, %d worker threads (= max HTTP/1.1 connections), "
                    + "%d sampled pairs, target %s%n", connections, pairs.size(), url);

            List<Result> results = new ArrayList<>();
            // Two warm-up steps (half rate, then full rate): a cold JVM cannot serve the full rate while C2
            // is still compiling, and a backlog built in a single cold step spills into the measured run.
            int warmup = intOpt("warmup", 10);
            if (warmup > 0) {
                results.add(phase(db, "warmup-half", Math.max(1, rate / 2), warmup, connections));
                results.add(phase(db, "warmup-full", rate, warmup, connections));
            }
            Result main = phase(db, "measure-" + rate, rate, intOpt("duration", 60), connections);
            results.add(main);
            int baselineSeconds = intOpt("baseline", 10);
            if (baselineSeconds > 0) {
                results.add(phase(db, "baseline-" + intOpt("baseline-rate", 50), intOpt("baseline-rate", 50),
                        baselineSeconds, connections));
            }
            String ramp = opt("ramp", "750,1000,1500,2000,2500,3000");
            for (String step : ramp.isBlank() ? new String[0] : ramp.split(",")) {
                int r = Integer.parseInt(step.strip());
                Result res = phase(db, "ramp-" + r, r, intOpt("step", 15), connections);
                results.add(res);
                if (res.achieved() < 0.95 * r || res.errors() > 0.01 * res.scheduled()
                        || res.p(res.fromScheduled(), 0.99) > 1000.0) {
                    System.out.printf(Locale.ROOT, "Ramp stopped at %d/s: missed its rate, errors over 1%% or p99 over 1 s%n", r);
                    break;
                }
            }
            System.out.println();
            System.out.println("Summary (latency in ms, from the scheduled send time; 'sent' = from the actual send):");
            System.out.printf(Locale.ROOT, "%-14s %8s %7s %9s %7s %7s %7s %8s %8s %8s %8s%n", "phase", "requests",
                    "errors", "achieved", "p50", "p90", "p99", "p99.9", "max", "sent p99", "sent max");
            for (Result r : results) {
                System.out.printf(Locale.ROOT, "%-14s %8d %7d %8.1f/s %7.2f %7.2f %7.2f %8.2f %8.2f %8.2f %8.2f%n",
                        r.name(), r.scheduled(), r.errors(), r.achieved(), r.p(r.fromScheduled(), 0.50),
                        r.p(r.fromScheduled(), 0.90), r.p(r.fromScheduled(), 0.99), r.p(r.fromScheduled(), 0.999),
                        r.max(r.fromScheduled()), r.p(r.fromSend(), 0.99), r.max(r.fromSend()));
            }
            int probe = intOpt("probe", 2000);
            if (probe > 0) {
                probe(db, probe);
            }
        }
    }

    /**
     * The real number bench/seed-routing.sql gave a party: the database holds it only sealed and hashed,
     * so it is rebuilt from the party's external id ({@code ret_N}: +9198 N, {@code cus_N}: +9197 N).
     */
    private static String seededNumber(String externalId) {
        String prefix = externalId.startsWith("ret_") ? "+9198" : "+9197";
        return prefix + String.format("%08d", Long.parseLong(externalId.substring(4)));
    }

    /**
     * Random (real, masked, real's hash) triples of open sessions: half customers' (position 1), half
     * retailers' (0).
     */
    private void sample(Connection db, int n) throws SQLException {
        long t0 = System.nanoTime();
        for (int position = 0; position <= 1; position++) {
            try (PreparedStatement st = db.prepareStatement("""
                    select p.external_id, r.masked_number, r.real_number_hash from routes r
                    join parties p on p.session_id = r.session_id and p.position = r.position
                    where r.position = ? order by random() limit ?""")) {
                st.setInt(1, position);
                st.setInt(2, n / 2);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        pairs.add(new String[] {seededNumber(rs.getString(1)), rs.getString(2), rs.getString(3)});
                    }
                }
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalStateException("no routes in the database: seed it first");
        }
        System.out.printf(Locale.ROOT, "Sampled %d (real, masked) pairs of open sessions in %.1f s%n", pairs.size(),
                (System.nanoTime() - t0) / 1e9);
    }

    record Result(String name, int rate, int scheduled, int errors, double achieved, double[] fromScheduled,
            double[] fromSend) {

        double p(double[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        double max(double[] sorted) {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
        }
    }

    /** One open-loop phase: request k is due at start + k / rate, whatever happened to the others. */
    private Result phase(Connection db, String name, int rate, int seconds, int connections) throws Exception {
        int n = rate * seconds;
        long[] scheduledAt = new long[n];
        long[] sentAt = new long[n];
        long[] doneAt = new long[n];
        int[] outcome = new int[n]; // 0 not done, 1 ok, 2 bad status, 3 no <Dial, 4 exception
        String[] firstError = new String[1];
        ExecutorService workers = Executors.newFixedThreadPool(connections, daemon(name));
        // warm the pool's threads so thread creation is not in the first requests' latency
        for (int i = 0; i < connections; i++) {
            workers.submit(() -> { });
        }
        CpuSnapshot before = cpu(db);
        long gcBefore = driverGcMillis();
        long startEpochMs = System.currentTimeMillis();
        long start = System.nanoTime() + 20_000_000L;
        double interval = 1e9 / rate;
        for (int k = 0; k < n; k++) {
            long due = start + (long) (k * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            scheduledAt[k] = due;
            final int idx = k;
            workers.execute(() -> {
                HttpRequest request = webhook();
                sentAt[idx] = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    doneAt[idx] = System.nanoTime();
                    if (response.statusCode() != 200) {
                        outcome[idx] = 2;
                        firstError[0] = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
                    } else if (!response.body().contains("<Dial")) {
                        outcome[idx] = 3;
                        firstError[0] = "no <Dial: " + abbreviate(response.body());
                    } else {
                        outcome[idx] = 1;
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    doneAt[idx] = System.nanoTime();
                    outcome[idx] = 4;
                    firstError[0] = e.toString();
                }
            });
        }
        workers.shutdown();
        boolean drained = workers.awaitTermination(20, TimeUnit.SECONDS);
        if (!drained) {
            workers.shutdownNow();
            workers.awaitTermination(12, TimeUnit.SECONDS);
        }
        long endEpochMs = System.currentTimeMillis();
        CpuSnapshot after = cpu(db);
        if (marks != null) {
            Files.writeString(marks, name + "," + startEpochMs + "," + endEpochMs + "\n", StandardOpenOption.APPEND);
        }

        int errors = 0;
        int completed = 0;
        long lastDone = start;
        List<Double> fromScheduled = new ArrayList<>(n);
        List<Double> fromSend = new ArrayList<>(n);
        int[] kinds = new int[5];
        for (int k = 0; k < n; k++) {
            kinds[outcome[k]]++;
            if (outcome[k] != 1) {
                errors++;
            }
            if (doneAt[k] != 0) {
                completed++;
                lastDone = Math.max(lastDone, doneAt[k]);
                fromScheduled.add((doneAt[k] - scheduledAt[k]) / 1e6);
                fromSend.add((doneAt[k] - sentAt[k]) / 1e6);
            }
        }
        double achieved = (completed - kinds[2] - kinds[3] - kinds[4]) / ((lastDone - start) / 1e9);
        Result r = new Result(name, rate, n, errors, achieved, sorted(fromScheduled), sorted(fromSend));
        System.out.printf(Locale.ROOT, "%n== %s: %d/s for %d s ==%n", name, rate, seconds);
        System.out.printf(Locale.ROOT, "requests %d, ok %d, errors %d (non-200 %d, no <Dial %d, exception %d, "
                        + "unfinished %d), achieved %.1f ok/s%n", n, kinds[1], errors, kinds[2], kinds[3], kinds[4],
                kinds[0], achieved);
        if (firstError[0] != null) {
            System.out.println("an error: " + firstError[0]);
        }
        printLatency("from scheduled", r, r.fromScheduled());
        printLatency("from send     ", r, r.fromSend());
        after.minus(before, (endEpochMs - startEpochMs) / 1000.0, n);
        System.out.printf(Locale.ROOT, "driver GC time in this phase: %d ms%n", driverGcMillis() - gcBefore);
        return r;
    }

    private static void printLatency(String label, Result r, double[] sorted) {
        System.out.printf(Locale.ROOT, "latency ms %s: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", label,
                r.p(sorted, 0.5), r.p(sorted, 0.9), r.p(sorted, 0.99), r.p(sorted, 0.999), r.max(sorted));
    }

    private static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** A voice webhook as Twilio sends it for an incoming call, signed like Twilio signs it. */
    private HttpRequest webhook() {
        String[] pair = pairs.get(ThreadLocalRandom.current().nextInt(pairs.size()));
        String callSid = "CA" + runId + String.format("%024x", sidCounter.incrementAndGet());
        Map<String, String> params = new TreeMap<>();
        params.put("AccountSid", ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", callSid);
        params.put("CallStatus", "ringing");
        params.put("Called", pair[1]);
        params.put("Caller", pair[0]);
        params.put("Direction", "inbound");
        params.put("From", pair[0]);
        params.put("To", pair[1]);
        StringBuilder signed = new StringBuilder(url);
        StringBuilder body = new StringBuilder();
        params.forEach((k, v) -> {
            signed.append(k).append(v);
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        String signature = Base64.getEncoder().encodeToString(
                mac.get().doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", signature)
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    // ---- CPU accounting from /proc ----

    private record CpuSnapshot(long app, long driver, Map<Long, Long> ourBackends, long otherPostgres,
            long machineBusy, long machineTotal, int clkTck, long[] pg) {

        void minus(CpuSnapshot b, double seconds, int requests) {
            System.out.printf(Locale.ROOT, "PostgreSQL (this db): %d commits, %d rollbacks, %d tuples inserted, "
                            + "%d blocks read, %d blocks hit (%.2f%% hit); cluster-wide WAL: %d records, %.1f MB, "
                            + "%d WAL writes, %d WAL syncs%n", pg[0] - b.pg[0], pg[1] - b.pg[1], pg[2] - b.pg[2],
                    pg[3] - b.pg[3], pg[4] - b.pg[4],
                    100.0 * (pg[4] - b.pg[4]) / Math.max(1, (pg[3] - b.pg[3]) + (pg[4] - b.pg[4])),
                    pg[5] - b.pg[5], (pg[6] - b.pg[6]) / 1e6, pg[7] - b.pg[7], pg[8] - b.pg[8]);
            long backends = 0;
            for (var e : ourBackends.entrySet()) {
                backends += e.getValue() - b.ourBackends.getOrDefault(e.getKey(), 0L);
            }
            double t = clkTck;
            double app = (this.app - b.app) / t;
            double drv = (driver - b.driver) / t;
            double pg = backends / t;
            double pgOther = (otherPostgres - b.otherPostgres) / t;
            double busy = (machineBusy - b.machineBusy) / t;
            double total = (machineTotal - b.machineTotal) / t;
            System.out.printf(Locale.ROOT, "CPU over %.1f s wall (core-seconds, %% of the %d cores): callmask %.1f (%.0f%%), "
                            + "driver %.1f (%.0f%%), postgres backends of this db %.1f (%.0f%%), other postgres processes "
                            + "%.1f (%.0f%%), rest of machine (residual of /proc/stat) %.1f (%.0f%%), idle %.1f (%.0f%%)%n",
                    seconds, Runtime.getRuntime().availableProcessors(), app, 100 * app / total, drv,
                    100 * drv / total, pg, 100 * pg / total, pgOther, 100 * pgOther / total,
                    busy - app - drv - pg - pgOther, 100 * (busy - app - drv - pg - pgOther) / total,
                    total - busy, 100 * (total - busy) / total);
            System.out.printf(Locale.ROOT, "CPU per request (ms): callmask %.3f, postgres backends %.3f, driver %.3f%n",
                    1000 * app / requests, 1000 * pg / requests, 1000 * drv / requests);
        }
    }

    private CpuSnapshot cpu(Connection db) throws SQLException, IOException {
        Set<Long> backends = new HashSet<>();
        try (PreparedStatement st = db.prepareStatement(
                "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                backends.add(rs.getLong(1));
            }
        }
        Map<Long, Long> ours = new TreeMap<>();
        long otherPg = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String f = p.getFileName().toString();
                if (!f.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(f);
                String[] stat = stat(pid);
                if (stat == null || !stat[0].equals("postgres")) {
                    continue;
                }
                long ticks = Long.parseLong(stat[12]) + Long.parseLong(stat[13]);
                if (backends.contains(pid)) {
                    ours.put(pid, ticks);
                } else {
                    otherPg += ticks;
                }
            }
        }
        long[] machine = machine();
        long[] pg = new long[9];
        try (PreparedStatement st = db.prepareStatement(
                "select d.xact_commit, d.xact_rollback, d.tup_inserted, d.blks_read, d.blks_hit, w.wal_records,"
                        + " w.wal_bytes::bigint, w.wal_write, w.wal_sync"
                        + " from pg_stat_database d, pg_stat_wal w where d.datname = current_database()");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            for (int i = 0; i < pg.length; i++) {
                pg[i] = rs.getLong(i + 1);
            }
        }
        return new CpuSnapshot(ticks(appPid), ticks(ProcessHandle.current().pid()), ours, otherPg, machine[0],
                machine[1], clkTck, pg);
    }

    /** comm, then the fields after it (state is [1], utime [12], stime [13]), or null. */
    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int open = s.indexOf('(');
            int close = s.lastIndexOf(')');
            String comm = s.substring(open + 1, close);
            String[] rest = s.substring(close + 2).split(" ");
            String[] out = new String[rest.length + 1];
            out[0] = comm;
            System.arraycopy(rest, 0, out, 1, rest.length);
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long ticks(long pid) {
        String[] s = pid <= 0 ? null : stat(pid);
        return s == null ? 0 : Long.parseLong(s[12]) + Long.parseLong(s[13]);
    }

    /** {busy, total} clock ticks of all cores, from /proc/stat. */
    private static long[] machine() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    // ---- serial JDBC probe: each statement of a dial-in, timed on its own ----

    private void probe(Connection db, int iterations) throws SQLException {
        String[] names = {"legs by CallSid (retry check)", "findOpenByPair", "insert calls", "insert legs",
            "commit", "dial-in total (5 round trips)"};
        double[][] t = new double[names.length][iterations];
        try (PreparedStatement legBySid = db.prepareStatement("select call_id from legs where carrier_sid = ?");
                PreparedStatement byPair = db.prepareStatement("""
                        select s.id, s.reference, s.status, s.created_at, s.expires_at, s.ended_at,
                               p.position, p.role, p.external_id, p.real_number_sealed, p.masked_number,
                               r.position as caller_position
                        from sessions s join parties p on p.session_id = s.id
                        join routes r on r.session_id = s.id
                        where r.real_number_hash = ? and r.masked_number = ?
                        order by p.position""");
                PreparedStatement insertCall = db.prepareStatement("""
                        insert into calls (id, session_id, direction, caller_position, carrier, created_at)
                        values (?, ?, ?, ?, ?, ?)""");
                PreparedStatement insertLeg = db.prepareStatement("""
                        insert into legs (carrier_sid, call_id, leg, status, status_rank, updated_at)
                        values (?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < iterations; i++) {
                String[] pair = pairs.get(ThreadLocalRandom.current().nextInt(pairs.size()));
                String sid = "CA" + runId + String.format("%024x", 0xffff_0000_0000L + i);
                String callId = "call_probe" + runId + String.format("%06d", i);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                long t0 = System.nanoTime();
                legBySid.setString(1, sid);
                try (ResultSet rs = legBySid.executeQuery()) {
                    rs.next();
                }
                long t1 = System.nanoTime();
                byPair.setString(1, pair[2]);
                byPair.setString(2, pair[1]);
                String sessionId = null;
                int position = 0;
                try (ResultSet rs = byPair.executeQuery()) {
                    while (rs.next()) {
                        sessionId = rs.getString("id");
                        position = rs.getInt("caller_position");
                    }
                }
                long t2 = System.nanoTime();
                db.setAutoCommit(false);
                insertCall.setString(1, callId);
                insertCall.setString(2, sessionId);
                insertCall.setString(3, "dial-in");
                insertCall.setInt(4, position);
                insertCall.setString(5, "twilio");
                insertCall.setObject(6, now);
                insertCall.executeUpdate();
                long t3 = System.nanoTime();
                insertLeg.setString(1, sid);
                insertLeg.setString(2, callId);
                insertLeg.setString(3, "caller");
                insertLeg.setString(4, "ringing");
                insertLeg.setInt(5, 2);
                insertLeg.setObject(6, now);
                insertLeg.executeUpdate();
                long t4 = System.nanoTime();
                db.commit();
                db.setAutoCommit(true);
                long t5 = System.nanoTime();
                t[0][i] = (t1 - t0) / 1e3;
                t[1][i] = (t2 - t1) / 1e3;
                t[2][i] = (t3 - t2) / 1e3;
                t[3][i] = (t4 - t3) / 1e3;
                t[4][i] = (t5 - t4) / 1e3;
                t[5][i] = (t5 - t0) / 1e3;
            }
        }
        System.out.printf(Locale.ROOT, "%nJDBC probe: the statements of one dial-in, one connection, serial, %d times, "
                + "app idle (microseconds, client-side round trip)%n", iterations);
        System.out.printf(Locale.ROOT, "%-32s %8s %8s %8s %8s%n", "statement", "p50", "p90", "p99", "max");
        for (int s = 0; s < names.length; s++) {
            double[] a = t[s].clone();
            Arrays.sort(a);
            System.out.printf(Locale.ROOT, "%-32s %8.0f %8.0f %8.0f %8.0f%n", names[s], a[iterations / 2],
                    a[(int) (iterations * 0.9)], a[(int) Math.ceil(iterations * 0.99) - 1], a[iterations - 1]);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static long driverGcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }
}
