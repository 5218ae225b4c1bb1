package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many dial-ins of one retailer at once, more than the connection pool has connections: each takes
 * the retailer's rate-limit row inside its own transaction, so they queue on that row, and every
 * one must be answered with its bridge (a deadlock between them would leave them hanging until the
 * pool's timeout, and answer nothing). The first wave also creates the retailer's bucket row, racing.
 */
abstract class ConcurrentDialInScenarios extends EndToEndTestBase {

    /** Under the retailer's hourly limit (60) for both waves together, and above the pool's 10 connections. */
    private static final int CALLS = 25;

    @Test
    void concurrentDialInsOfOneRetailerAreAllBridged() throws Exception {
        String retailerId = "r-busy-" + UUID.randomUUID();
        List<String[]> sessions = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            // one retailer (one id, so one bucket) on many phones, each with one session: no hub, all bridges
            String retailer = TestNumbers.mobile();
            String customer = TestNumbers.mobile();
            var r = api.post("/v1/sessions", """
                    {"reference":"busy-%s-%d","parties":[
                      {"role":"retailer","id":"%s","number":"%s"},
                      {"role":"customer","id":"c-%d","number":"%s"}]}""".formatted(retailerId, i, retailerId,
                    retailer, i, customer));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            sessions.add(new String[] {retailer, masked(r.json(), "retailer"), customer});
        }
        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        try {
            for (int wave = 1; wave <= 2; wave++) {
                List<Future<Http.Response>> answers = new ArrayList<>();
                for (String[] s : sessions) {
                    answers.add(callers.submit(() -> voice(s[0], s[1], "CA" + UUID.randomUUID().toString()
                            .replace("-", ""))));
                }
                for (int i = 0; i < CALLS; i++) {
                    Http.Response answer = answers.get(i).get();
                    assertThat(answer.status()).as("wave %d, call %d", wave, i).isEqualTo(200);
                    assertThat(answer.body()).as("wave %d, call %d", wave, i).contains("<Dial", sessions.get(i)[2]);
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
