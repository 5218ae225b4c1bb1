package io.callmask.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.CannotCreateTransactionException;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledWorkErrorsTest {

    @Test
    void aJobTheDatabaseCannotServeIsOneLineAndAnyOtherFailureKeepsItsStackTrace(CapturedOutput output)
            throws Exception {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        new ScheduledWorkErrors().scheduledWorkErrorsOnThreads().customize(scheduler);
        scheduler.initialize();
        // through the scheduler, as a @Scheduled job fails while the database is away
        scheduler.schedule(() -> {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        }, Instant.now()).get();
        scheduler.shutdown();
        ScheduledWorkErrors.HANDLER.handleError(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
        ScheduledWorkErrors.HANDLER.handleError(new IllegalStateException("a bug"));

        assertThat(output.getOut().lines().filter(l -> l.contains(
                "A scheduled job did not run: the database does not answer"))).hasSize(2);
        assertThat(output.getOut()).doesNotContain("Unexpected error occurred in scheduled task")
                .doesNotContain("at org.springframework.transaction")
                .contains("A scheduled job failed", "java.lang.IllegalStateException: a bug");
    }
}
