package io.callmask.core.cost;

import io.callmask.core.storage.ClusterOnce;
import java.util.Optional;
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
    private final ClusterOnce clusterOnce;

    BudgetWatch(CostReports reports, CostProperties properties, ClusterOnce clusterOnce) {
        this.reports = reports;
        this.properties = properties;
        this.clusterOnce = clusterOnce;
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
        return clusterOnce.run(LOCK_NAME, properties.budgetCheckInterval(), reports::checkBudget);
    }
}
