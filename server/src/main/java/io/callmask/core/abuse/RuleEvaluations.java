package io.callmask.core.abuse;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the rules that follow a call's start or end off the webhook's thread, so the carrier gets
 * its answer without waiting for them. When the queue is full the caller runs the evaluation
 * itself: slower webhooks rather than missed alerts.
 */
@Component
class RuleEvaluations implements DisposableBean {

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "abuse-rules");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    RuleEvaluations() {
        pool.allowCoreThreadTimeOut(true);
    }

    void submit(Runnable evaluation) {
        pool.execute(evaluation);
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
