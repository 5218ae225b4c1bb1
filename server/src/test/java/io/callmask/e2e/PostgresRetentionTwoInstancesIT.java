package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.retention.RetentionJob;
import io.callmask.support.App;
import io.callmask.support.MutableClock;
import io.callmask.support.TestNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two instances on one PostgreSQL database trigger the retention job at once: it runs once. */
class PostgresRetentionTwoInstancesIT {

    private static final MutableClock clock = new MutableClock();
    private static final List<App> instances = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        instances.addAll(App.postgresCluster(2, clock, "retention-two", "--callmask.retention.after=7d"));
    }

    @AfterAll
    static void stop() {
        instances.forEach(App::close);
    }

    @Test
    void bothInstancesTriggerTheJobAndItRunsOnce() throws Exception {
        App first = instances.get(0);
        String customer = TestNumbers.mobile();
        assertThat(first.api.put("/v1/retailers/r-two", """
                {"name":"Two","phone":"%s"}""".formatted(TestNumbers.mobile())).status()).isEqualTo(201);
        assertThat(first.api.put("/v1/orders/o-two", """
                {"retailerId":"r-two","customerPhone":"%s","status":"placed"}""".formatted(customer)).status())
                .isEqualTo(201);
        var placed = first.api.post("/v1/sessions", """
                {"reference":"o-two","parties":[{"role":"retailer","number":"%s"},{"role":"customer","number":"%s"}]}"""
                .formatted(TestNumbers.mobile(), customer));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(first.api.post("/v1/sessions/" + placed.json().get("id").asString() + "/close", "").status())
                .isEqualTo(200);
        clock.advance(Duration.ofDays(8));

        List<Optional<Map<String, Integer>>> runs = triggerOnBothAtOnce();

        assertThat(runs).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(runs).filteredOn(Optional::isEmpty).hasSize(1);
        assertThat(first.jdbc().sql("select count(*) from parties where real_number_sealed is not null")
                .query(Integer.class).single()).isZero();
        assertThat(first.jdbc().sql("select count(*) from shedlock where name = 'retention' and lock_until > locked_at")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(triggerOnBothAtOnce()).allMatch(Optional::isEmpty);
    }

    private static List<Optional<Map<String, Integer>>> triggerOnBothAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Optional<Map<String, Integer>>>> futures = new ArrayList<>();
            for (App app : instances) {
                RetentionJob job = app.bean(RetentionJob.class);
                futures.add(pool.submit(() -> {
                    start.await();
                    return job.runOnce();
                }));
            }
            List<Optional<Map<String, Integer>>> runs = new ArrayList<>();
            for (var f : futures) {
                runs.add(f.get());
            }
            return runs;
        } finally {
            pool.shutdown();
        }
    }
}
