package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.App;
import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two callmask instances on one PostgreSQL database share one rate limit: calls spread over both
 * are counted together, and exactly the limit is allowed, with the database as the only arbiter.
 */
class PostgresSharedRateLimitIT {

    private static final int LIMIT = 5;
    private static final List<App> instances = new ArrayList<>();
    private static final List<Http> apis = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        instances.addAll(App.postgresCluster(2, null, "limits", "--callmask.limits.retailer-calls-per-hour=" + LIMIT,
                "--callmask.limits.customer-calls-per-day=" + LIMIT));
        instances.forEach(app -> apis.add(app.api));
    }

    @AfterAll
    static void stop() {
        instances.forEach(App::close);
    }

    @Test
    void callsOfOneRetailerSpreadOverBothInstancesAreLimitedTogether() throws Exception {
        String retailer = "r-shared-" + System.nanoTime();
        put(apis.get(0), "/v1/retailers/" + retailer, "{\"name\":\"Shared\",\"phone\":\"" + TestNumbers.mobile() + "\"}");
        List<Callable<Http.Response>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String order = "o-shared-" + i + "-" + System.nanoTime();
            put(apis.get(1), "/v1/orders/" + order, "{\"retailerId\":\"" + retailer + "\",\"customerPhone\":\""
                    + TestNumbers.mobile() + "\",\"status\":\"accepted\"}");
            Http api = apis.get(i % 2);
            requests.add(() -> api.post("/v1/masked-calls",
                    "{\"orderId\":\"" + order + "\",\"retailerId\":\"" + retailer + "\"}"));
        }

        List<Http.Response> responses = runAtOnce(requests);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 429));
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(LIMIT);
        assertThat(responses).filteredOn(r -> r.status() == 429)
                .allSatisfy(r -> assertThat(r.json().get("limit").asString()).isEqualTo("retailer"));
        JdbcClient jdbc = instances.get(0).jdbc();
        assertThat(jdbc.sql("select count(*) from calls c join parties p on p.session_id = c.session_id "
                + "where p.role = 'retailer' and p.external_id = ?").param(retailer).query(Integer.class).single())
                .as("calls recorded for the retailer").isEqualTo(LIMIT);
    }

    @Test
    void aCustomerCalledThroughBothInstancesIsLimitedTogether() throws Exception {
        String customer = TestNumbers.mobile();
        List<Callable<Http.Response>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String retailer = "r-cust-" + i + "-" + System.nanoTime();
            put(apis.get(0), "/v1/retailers/" + retailer, "{\"name\":\"R\",\"phone\":\"" + TestNumbers.mobile() + "\"}");
            String order = "o-cust-" + i + "-" + System.nanoTime();
            put(apis.get(1), "/v1/orders/" + order, "{\"retailerId\":\"" + retailer + "\",\"customerPhone\":\""
                    + customer + "\",\"status\":\"accepted\"}");
            Http api = apis.get(i % 2);
            requests.add(() -> api.post("/v1/masked-calls",
                    "{\"orderId\":\"" + order + "\",\"retailerId\":\"" + retailer + "\"}"));
        }

        List<Http.Response> responses = runAtOnce(requests);

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(LIMIT);
        assertThat(responses).filteredOn(r -> r.status() == 429)
                .hasSize(8 - LIMIT)
                .allSatisfy(r -> assertThat(r.json().get("limit").asString()).isEqualTo("customer"));
    }

    private static void put(Http api, String path, String json) {
        Http.Response r = api.put(path, json);
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private static List<Http.Response> runAtOnce(List<Callable<Http.Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> f : pool.invokeAll(requests)) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
