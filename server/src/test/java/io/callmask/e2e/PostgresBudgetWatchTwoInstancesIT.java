package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.cost.BudgetWatch;
import io.callmask.core.cost.CostReport;
import io.callmask.support.App;
import io.callmask.support.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database check the budget at the same moment: one checks, the
 * other skips (the {@code cost-budget} ShedLock row), and the month's event is recorded once.
 */
class PostgresBudgetWatchTwoInstancesIT {

    private static final MutableClock clock = new MutableClock();
    private static final List<App> instances = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        // Rent alone passes this budget; the schedule (1 h) stays out of the way: the test triggers.
        instances.addAll(App.postgresCluster(2, clock, "budget-two", "--callmask.costs.monthly-budget=0.01",
                "--callmask.costs.budget-check-interval=1h"));
    }

    @AfterAll
    static void stop() {
        instances.forEach(App::close);
    }

    @Test
    void bothInstancesCheckAtOnceAndOneDoes() throws Exception {
        List<Optional<CostReport.MonthToDate>> checks = checkOnBothAtOnce();

        assertThat(checks).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(checks).filteredOn(Optional::isEmpty).hasSize(1);
        CostReport.MonthToDate month = checks.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(month.budgetExceededProjected()).isTrue();
        assertThat(month.alertedAt()).isNotNull();
        App first = instances.get(0);
        assertThat(first.jdbc().sql("select count(*) from events where type = 'cost.budget-projected-over'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(first.jdbc().sql("select count(*) from shedlock where name = 'cost-budget' and lock_until > locked_at")
                .query(Integer.class).single()).isEqualTo(1);
        // The lock is held for most of the interval: neither instance checks again right away.
        assertThat(checkOnBothAtOnce()).allMatch(Optional::isEmpty);
    }

    private static List<Optional<CostReport.MonthToDate>> checkOnBothAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Optional<CostReport.MonthToDate>>> futures = new ArrayList<>();
            for (App app : instances) {
                BudgetWatch watch = app.bean(BudgetWatch.class);
                futures.add(pool.submit(() -> {
                    start.await();
                    return watch.runOnce();
                }));
            }
            List<Optional<CostReport.MonthToDate>> checks = new ArrayList<>();
            for (var f : futures) {
                checks.add(f.get());
            }
            return checks;
        } finally {
            pool.shutdown();
        }
    }
}
