package io.callmask.tools;

import io.callmask.CallmaskApplication;
import io.callmask.tools.replay.Trace;
import io.callmask.tools.replay.TraceStats;
import io.callmask.core.routing.DialInRouter;
import io.callmask.core.session.SessionService;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code replay TRACE.csv [--db=h2|postgres] [--jdbc-url=…] [--db-user=…] [--db-password=…]
 * [--hub-threshold=N] [--pool-size=N] [--cool-down=2h] [--checkpoints=5] [--concurrency=8]}.
 *
 * <p>Starts callmask without its web server on the chosen database, with a pool of
 * {@code --pool-size} numbers and one hub, and replays the trace. Defaults: the hub threshold is
 * the trace's largest customer degree (a lower one cannot shrink the pool, since customers never
 * go to the hub by threshold) and the pool is the bound under that threshold, so any party the
 * allocator could not serve shows up as a shortage. {@code --concurrency} events run at once (each
 * real number's still one after another, see {@link Replay}); 1 replays strictly in trace order.
 */
final class ReplayCommand {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00+05:30");
    private static final String REPLAY_KEY = java.util.Base64.getEncoder().encodeToString(
            "replay-only-not-a-secret-key-32b".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private ReplayCommand() {}

    static int run(Options options, PrintStream out) throws Exception {
        options.allow(Set.of("db", "jdbc-url", "db-user", "db-password", "hub-threshold", "pool-size", "cool-down",
                "checkpoints", "concurrency"));
        Path file = Path.of(options.only("trace file"));
        Trace trace = Trace.read(file);
        TraceStats stats = TraceStats.of(trace);
        int threshold = options.integer("hub-threshold", Math.max(1, stats.largestCustomerDegree()));
        int poolSize = options.integer("pool-size", Math.max(1, stats.lowerBoundWithoutHubs(threshold)));
        Duration coolDown = options.duration("cool-down", Duration.ofHours(2));
        int checkpoints = options.integer("checkpoints", 5);
        int concurrency = options.integer("concurrency", 8);
        if (threshold < 1 || poolSize < 1 || poolSize > 10_000 || checkpoints < 0 || concurrency < 1
                || concurrency > 64) {
            throw new IllegalArgumentException("need --hub-threshold >= 1, 1 <= --pool-size <= 10000, --checkpoints >= 0,"
                    + " 1 <= --concurrency <= 64");
        }
        String db = options.text("db", "h2");
        String url = switch (db) {
            case "h2" -> "jdbc:h2:mem:replay-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
            case "postgres" -> options.text("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/callmask_replay");
            default -> throw new IllegalArgumentException("--db must be h2 or postgres");
        };
        SimulatedClock clock = new SimulatedClock(START);
        out.printf("trace: %s (%d sessions, %d retailers, %d customers)%n", file, stats.sessions(), stats.retailers(),
                stats.customers());
        out.printf("database: %s; pool: %d numbers + 1 hub; hub threshold: %d open sessions; cool-down: %s;"
                + " concurrency: %d%n", db, poolSize, threshold, coolDown, concurrency);
        try (ConfigurableApplicationContext context = start(url, options, poolSize, threshold, coolDown, clock,
                concurrency)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            if (jdbc.sql("select count(*) from sessions").query(Integer.class).single() > 0) {
                throw new IllegalArgumentException("the database already holds sessions; replay into an empty one");
            }
            var result = new Replay(context.getBean(SessionService.class), context.getBean(DialInRouter.class), clock,
                    START, concurrency, db.equals("postgres") ? () -> jdbc.sql("vacuum (analyze)").update() : () -> { })
                    .run(trace, checkpoints);
            int shortages = jdbc.sql("select count(*) from events where type = 'pool.short'").query(Integer.class).single();
            print(out, stats, result, shortages);
            return result.misroutes() == 0 ? 0 : 1;
        }
    }

    private static void print(PrintStream out, TraceStats stats, Replay.Result r, int shortages) {
        long perSecond = Math.round(r.sessions() / (r.replayNanos() / 1e9));
        int hubBound = stats.largestCustomerDegree() + r.hubsUsed();
        out.printf("sessions replayed: %d in %.1f s (%d sessions/s)%n", r.sessions(), r.replayNanos() / 1e9, perSecond);
        out.printf("peak open sessions: %d%n", r.peakOpen());
        out.printf("peak pool numbers in use: %d (%d of their own, %d hub)%n", r.peakNumbersInUse(),
                r.peakOwnNumbersInUse(), r.hubsUsed());
        out.printf("lower bound (largest number of open sessions of any one number): %d%n", stats.lowerBound());
        out.printf("bound under the hub rule (largest customer degree %d + hubs used %d): %d%n",
                stats.largestCustomerDegree(), r.hubsUsed(), hubBound);
        out.printf("a unique number for every party would need: %d%n", stats.perPartyRule());
        out.printf("one number per session would need: %d%n", stats.perSessionRule());
        out.printf("parties put on the hub for lack of a free number: %d%n", shortages);
        out.printf("routing checks: %d checkpoints, %d dial-ins, %d misroutes%n", r.checkpoints(), r.dialIns(),
                r.misroutes());
        out.printf("pool_peak=%d lower_bound=%d hub_bound=%d per_party_rule=%d per_session_rule=%d misroutes=%d"
                + " sessions_per_s=%d%n", r.peakNumbersInUse(), stats.lowerBound(), hubBound, stats.perPartyRule(),
                stats.perSessionRule(), r.misroutes(), perSecond);
    }

    private static ConfigurableApplicationContext start(String url, Options options, int poolSize, int threshold,
            Duration coolDown, SimulatedClock clock, int concurrency) throws Exception {
        Path dataDir = Files.createTempDirectory("callmask-replay");
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + options.text("db-user", url.startsWith("jdbc:h2") ? "sa" : "postgres"),
                "--spring.datasource.password=" + options.text("db-password", ""),
                "--callmask.pool=" + String.join(",", Replay.poolNumbers(poolSize)),
                "--callmask.hubs=" + Replay.hubNumber(),
                "--callmask.allocation.hub-threshold=" + threshold,
                "--callmask.allocation.cool-down=" + coolDown.toSeconds() + "s",
                "--callmask.api-keys=replay",
                // the replay routes and allocates; no call is placed, so the carrier account is a placeholder
                "--callmask.twilio.account-sid=AC00000000000000000000000000000000",
                "--callmask.twilio.auth-token=replay-places-no-calls",
                "--callmask.public-base-url=http://localhost",
                "--callmask.data-dir=" + dataDir,
                // The trace's numbers are synthetic: fixed throwaway keys, so a second replay into the
                // same database meets the clear "already holds sessions" refusal, not a key mismatch.
                "--callmask.crypto.keys.replay=" + REPLAY_KEY,
                "--callmask.crypto.active-key=replay",
                "--callmask.crypto.lookup-key=" + REPLAY_KEY,
                "--callmask.session.expiry-interval=1d",
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(10, concurrency + 2),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        return new SpringApplicationBuilder(CallmaskApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("replayClock",
                        java.time.Clock.class, () -> clock, definition -> definition.setPrimary(true)))
                .run(args.toArray(String[]::new));
    }
}
