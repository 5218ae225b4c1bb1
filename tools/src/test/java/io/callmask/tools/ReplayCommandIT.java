package io.callmask.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.PostgresDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay command on a generated trace, through the real allocator and router, on H2 and PostgreSQL. */
class ReplayCommandIT {

    private static final Pattern LAST_LINE = Pattern.compile("pool_peak=(\\d+) lower_bound=(\\d+) hub_bound=(\\d+)"
            + " per_party_rule=(\\d+) per_session_rule=(\\d+) misroutes=(\\d+) sessions_per_s=(\\d+)");

    @TempDir
    static Path dir;
    static Path trace;

    @BeforeAll
    static void generate() {
        trace = dir.resolve("day.csv");
        assertThat(run("generate-trace", trace.toString(), "--orders=1500", "--retailers=60", "--customers=1200",
                "--seed=7").code()).isZero();
    }

    @Test
    void generatesTheRequestedTrace() throws Exception {
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines).hasSize(1501);
        assertThat(lines.get(0)).isEqualTo("open_s,close_s,reference,retailer_number,customer_number");
    }

    @Test
    void replaysOnH2AtTheHubBoundWithoutMisroutes() {
        assertAtTheBound(run("replay", trace.toString(), "--checkpoints=3", "--cool-down=0"));
    }

    /**
     * Eight threads (the default) must allocate as one does: each party's events keep their order, so with no
     * cool-down both stay at the bound with no party short of a number, and every figure that does not depend on
     * random picks is the same.
     */
    @Test
    void aConcurrentReplayAllocatesAsASerialOne() {
        Result serial = run("replay", trace.toString(), "--checkpoints=3", "--cool-down=0", "--concurrency=1");
        Result concurrent = run("replay", trace.toString(), "--checkpoints=3", "--cool-down=0", "--concurrency=8");
        assertAtTheBound(serial);
        assertAtTheBound(concurrent);
        assertThat(serial.out()).contains("concurrency: 1");
        assertThat(concurrent.out()).contains("concurrency: 8");
        for (String figure : List.of("peak open sessions: ", "routing checks: ", "lower bound ")) {
            assertThat(line(concurrent, figure)).isEqualTo(line(serial, figure));
        }
    }

    private static String line(Result result, String prefix) {
        return result.out().lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void replaysOnPostgresAtTheHubBoundWithoutMisroutes() {
        String url = PostgresDatabase.create();
        Result result = run("replay", trace.toString(), "--db=postgres", "--jdbc-url=" + url, "--checkpoints=3",
                "--cool-down=0");
        assertAtTheBound(result);
        assertThat(result.out()).contains("database: postgres");

        Result again = run("replay", trace.toString(), "--db=postgres", "--jdbc-url=" + url);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("the database already holds sessions; replay into an empty one");
    }

    @Test
    void aCoolDownMayPutSomePartiesOnTheHubButNeverMisroutes() {
        Result result = run("replay", trace.toString(), "--checkpoints=2");
        Matcher last = lastLine(result);
        assertThat(last.group(6)).isEqualTo("0");
        assertThat(Integer.parseInt(last.group(1))).isLessThanOrEqualTo(Integer.parseInt(last.group(3)));
    }

    @Test
    void badInputIsOneClearLine() throws Exception {
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "open_s,close_s,reference,retailer_number,customer_number\n5,3,o1,+919876500001,+919876500002\n");

        Result unknownOption = run("replay", trace.toString(), "--pool=3");
        Result badConcurrency = run("replay", trace.toString(), "--concurrency=0");
        Result missing = run("replay", dir.resolve("nope.csv").toString());
        Result badRow = run("replay", broken.toString());

        assertThat(unknownOption.code()).isEqualTo(2);
        assertThat(unknownOption.err()).startsWith("replay: unknown option --pool");
        assertThat(badConcurrency.code()).isEqualTo(2);
        assertThat(badConcurrency.err()).contains("1 <= --concurrency <= 64");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(badRow.code()).isNotZero();
        assertThat(badRow.err()).contains("line 2").doesNotContain("9876500001");
    }

    private static void assertAtTheBound(Result result) {
        assertThat(result.code()).as(result.err()).isZero();
        Matcher last = lastLine(result);
        int poolPeak = Integer.parseInt(last.group(1));
        int lowerBound = Integer.parseInt(last.group(2));
        int hubBound = Integer.parseInt(last.group(3));
        assertThat(last.group(6)).as("misroutes").isEqualTo("0");
        assertThat(poolPeak).isLessThanOrEqualTo(hubBound).isLessThan(lowerBound);
        assertThat(Integer.parseInt(last.group(5))).as("per session").isGreaterThan(poolPeak);
        assertThat(result.out()).contains("parties put on the hub for lack of a free number: 0");
    }

    private static Matcher lastLine(Result result) {
        String[] lines = result.out().strip().split("\n");
        Matcher matcher = LAST_LINE.matcher(lines[lines.length - 1]);
        assertThat(matcher.matches()).as(result.out()).isTrue();
        return matcher;
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Tools.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
