package io.callmask.core.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The evaluation queue on its real threads: nothing is dropped, repeats coalesce, shutdown drains. */
class RuleEvaluationsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RuleEvaluations evaluations = new RuleEvaluations(
            new StaticListableBeanFactory(java.util.Map.of("meters", meters)).getBeanProvider(MeterRegistry.class));

    @Test
    void evaluationsQueuedAtShutdownStillRunBeforeItReturns() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        holdBothWorkers(busy);
        for (int i = 0; i < 100; i++) {
            int n = i;
            evaluations.submit("test", () -> ran.add(n));
        }
        assertThat(meters.get("callmask.abuse.evaluations.queued").gauge().value()).isEqualTo(100);

        Thread stopping = new Thread(() -> {
            try {
                evaluations.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopping.start();
        Thread.sleep(100); // shutdown has begun and waits
        assertThat(stopping.isAlive()).as("shutdown waits for the queue").isTrue();
        evaluations.submit("test", () -> ran.add(100)); // a request finishing during shutdown
        busy.countDown();
        stopping.join(10_000);

        assertThat(stopping.isAlive()).isFalse();
        assertThat(ran).hasSize(101).containsAll(java.util.stream.IntStream.rangeClosed(0, 100).boxed().toList());
        assertThat(meters.get("callmask.abuse.evaluations").tag("ran", "caller").counter().count())
                .as("the one submitted after shutdown ran on its caller").isEqualTo(1);
    }

    @Test
    void anEvaluationAlreadyQueuedForTheSameKeyRunsOnceAsTheLatest() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        holdBothWorkers(busy);
        for (int i = 0; i < 50; i++) {
            String call = "call " + i;
            evaluations.coalesce("test", "distinct-customers:r1", () -> ran.add("r1 after " + call));
        }
        evaluations.coalesce("test", "distinct-customers:r2", () -> ran.add("r2"));
        busy.countDown();
        evaluations.destroy();

        assertThat(ran).containsExactlyInAnyOrder("r1 after call 49", "r2");
        assertThat(meters.get("callmask.abuse.evaluations").tag("ran", "coalesced").counter().count()).isEqualTo(49);
    }

    @Test
    void aFullQueueMakesTheCallerRunTheEvaluationInsteadOfDroppingIt() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        holdBothWorkers(busy);
        for (int i = 0; i < RuleEvaluations.CAPACITY; i++) {
            evaluations.submit("test", () -> { });
        }
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        evaluations.submit("test", () -> ranOn.add(Thread.currentThread()));

        assertThat(ranOn).containsExactly(Thread.currentThread());
        busy.countDown();
        evaluations.destroy();
        assertThat(meters.get("callmask.abuse.evaluations").tag("ran", "background").counter().count())
                .isEqualTo(RuleEvaluations.CAPACITY + 2);
    }

    /** Both workers wait for {@code busy}, so that everything submitted after waits in the queue. */
    private void holdBothWorkers(CountDownLatch busy) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            evaluations.submit("test", () -> {
                holding.countDown();
                await(busy);
            });
        }
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
