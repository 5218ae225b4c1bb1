package io.callmask.core.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled work once per cluster: the instance that takes the task's row in the ShedLock table
 * (database time, so instance clocks may disagree) runs it, the others skip. The lock is held for at
 * least nine tenths of the interval, so the cluster runs a task about once per interval however many
 * instances there are. Tasks must be idempotent: a run that outlives its lock may overlap the next.
 */
@Component
public class ClusterOnce {

    private final LockingTaskExecutor locks;

    ClusterOnce(DataSource dataSource) {
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder().withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()));
    }

    /** Runs {@code task} unless another instance holds {@code name}; empty when this instance did not run it. */
    public <T> Optional<T> run(String name, Duration interval, Supplier<T> task) {
        Duration atLeast = interval.multipliedBy(9).dividedBy(10);
        try {
            var result = locks.executeWithLock(task::get, new LockConfiguration(Instant.now(), name, interval, atLeast));
            return result.wasExecuted() ? Optional.of(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
