package io.callmask.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the month's projected spend against {@code callmask.costs.monthly-budget} every
 * {@code budget-check-interval}, so the budget event is raised even when nobody reads the costs.
 * Once per cluster: the instance that takes the {@code cost-budget} row of the ShedLock table
 * (database time) checks, the others skip, as {@code RetentionJob} does. The event itself is once
 * per month anyway (a row in {@code cost_budget_alerts}); the lock only saves the others the work.
 */
@Component
public class BudgetWatch {

    static final String LOCK_NAME = "cost-budget";

    private final CostReports reports;
    private final CostProperties properties;
    private final LockingTaskExecutor locks;

    BudgetWatch(CostReports reports, CostProperties properties, DataSource dataSource) {
        this.reports = reports;
        this.properties = properties;
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder().withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()));
    }

    @Scheduled(fixedDelayString = "${callmask.costs.budget-check-interval:1h}",
            initialDelayString = "${callmask.costs.budget-check-interval:1h}")
    void scheduled() {
        if (properties.monthlyBudget() != null) {
            runOnce();
        }
    }

    /** Checks unless another instance holds the lock; empty when this instance did not check. */
    public Optional<CostReport.MonthToDate> runOnce() {
        Duration atMost = properties.budgetCheckInterval();
        Duration atLeast = atMost.multipliedBy(9).dividedBy(10);
        try {
            var result = locks.executeWithLock(reports::checkBudget,
                    new LockConfiguration(Instant.now(), LOCK_NAME, atMost, atLeast));
            return result.wasExecuted() ? Optional.of(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
