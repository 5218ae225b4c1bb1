package io.callmask.core.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * How a scheduled job's failure is logged. While the database is away every job that needs it fails each time it
 * runs; that is one expected line (the job runs again on its next turn, and {@link DatabaseWatch} reports the
 * outage itself), not a stack trace every second. Any other failure is logged in full, as Spring would.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledWorkErrors {

    private static final Logger log = LoggerFactory.getLogger(ScheduledWorkErrors.class);

    static final ErrorHandler HANDLER = failure -> {
        if (DatabaseFailures.unreachable(failure)) {
            log.warn("A scheduled job did not run: the database does not answer ({}); it runs again on its next turn",
                    failure.getClass().getSimpleName());
        } else {
            log.error("A scheduled job failed", failure);
        }
    };

    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledWorkErrorsOnThreads() {
        return scheduler -> scheduler.setErrorHandler(HANDLER);
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer scheduledWorkErrorsOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(HANDLER);
    }
}
