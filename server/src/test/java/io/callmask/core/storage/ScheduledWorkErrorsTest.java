package io.callmask.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.CannotCreateTransactionException;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledWorkErrorsTest {

    @Test
    void aJobTheDatabaseCannotServeIsOneLineOnEitherSchedulerAndAnyOtherFailureKeepsItsStackTrace(
            CapturedOutput output) throws Exception {
        ScheduledWorkErrors errors = new ScheduledWorkErrors();
        // platform threads (Java 17), as a @Scheduled job fails while the database is away
        ThreadPoolTaskScheduler threads = new ThreadPoolTaskScheduler();
        errors.scheduledWorkErrorsOnThreads().customize(threads);
        threads.initialize();
        threads.schedule(() -> {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        }, Instant.now()).get();
        threads.shutdown();
        // virtual threads (spring.threads.virtual.enabled on Java 21 and later)
        SimpleAsyncTaskScheduler virtual = new SimpleAsyncTaskScheduler();
        errors.scheduledWorkErrorsOnVirtualThreads().customize(virtual);
        virtual.schedule(() -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        }, Instant.now()).get();
        virtual.close();
        ScheduledWorkErrors.HANDLER.handleError(new IllegalStateException("a bug"));

        // SimpleAsyncTaskScheduler completes the future before its error handler has logged: wait for the line
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines().filter(l ->
                l.contains("A scheduled job did not run: the database does not answer"))).hasSize(2));
        assertThat(output.getOut()).doesNotContain("Unexpected error occurred in scheduled task")
                .doesNotContain("at org.springframework.transaction")
                .contains("A scheduled job failed", "java.lang.IllegalStateException: a bug");
    }
}
