package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.CallmaskApplication;
import io.callmask.core.privacy.NumberKeys;
import io.callmask.support.Http;
import io.callmask.support.PostgresDatabase;
import io.callmask.support.TestNumbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two callmask instances on one PostgreSQL database, hammered at once: the routing invariant and
 * idempotent creation must hold with the database as the only arbiter.
 */
class PostgresTwoInstancesIT {

    private static final int POOL_SIZE = 5;
    private static final String HUB = "+918047180099";
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static final List<Http> apis = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        String url = PostgresDatabase.create();
        // Instances of one cluster share their number keys (each data dir would otherwise generate its own).
        String sealingKey = NumberKeys.newKey(32);
        String lookupKey = NumberKeys.newKey(32);
        for (int i = 0; i < 2; i++) {
            // Command-line arguments, as an operator starts an instance; they win over application.yml.
            var context = new SpringApplicationBuilder(CallmaskApplication.class).run(
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + PostgresDatabase.USER,
                    "--spring.datasource.password=",
                    "--callmask.api-keys=k",
                    "--callmask.data-dir=target/it-data/two-" + i,
                    "--callmask.crypto.keys.k1=" + sealingKey,
                    "--callmask.crypto.active-key=k1",
                    "--callmask.crypto.lookup-key=" + lookupKey,
                    "--callmask.pool=+918047180001,+918047180002,+918047180003,+918047180004,+918047180005",
                    "--callmask.hubs=" + HUB,
                    "--callmask.allocation.hub-threshold=100");
            instances.add(context);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            apis.add(new Http("http://localhost:" + port, "k"));
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void concurrentSessionsForOneBusyRetailerFillThePoolOnceThenShareTheHub() throws Exception {
        String retailer = TestNumbers.mobile();
        List<Callable<Http.Response>> requests = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Http api = apis.get(i % 2);
            String body = """
                    {"reference":"busy-%d","parties":[{"role":"retailer","number":"%s"},
                     {"role":"customer","number":"%s"}]}""".formatted(i, retailer, TestNumbers.mobile());
            requests.add(() -> api.post("/v1/sessions", body));
        }

        List<Http.Response> responses = runAtOnce(requests);

        Set<String> ownNumbers = new HashSet<>();
        Set<String> hubCodes = new HashSet<>();
        int own = 0;
        int onHub = 0;
        for (Http.Response r : responses) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode retailerParty = r.json().get("parties").get(0);
            if (retailerParty.get("hub").asBoolean()) {
                onHub++;
                assertThat(retailerParty.get("maskedNumber").asString()).isEqualTo(HUB);
                hubCodes.add(r.json().get("orderCode").asString());
            } else {
                own++;
                ownNumbers.add(retailerParty.get("maskedNumber").asString());
            }
        }
        assertThat(own).isEqualTo(POOL_SIZE);
        assertThat(ownNumbers).hasSize(POOL_SIZE);
        assertThat(onHub).isEqualTo(24 - POOL_SIZE);
        assertThat(hubCodes).as("order codes tell the hub sessions apart").hasSize(onHub);
        assertThat(routingInvariantViolations()).isZero();
    }

    @Test
    void manyConcurrentSessionsBetweenOverlappingPartiesKeepTheRoutingInvariant() throws Exception {
        List<String> retailers = List.of(TestNumbers.mobile(), TestNumbers.mobile(), TestNumbers.mobile());
        List<String> customers = List.of(TestNumbers.mobile(), TestNumbers.mobile(), TestNumbers.mobile(),
                TestNumbers.mobile());
        List<Callable<Http.Response>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Http api = apis.get(i % 2);
            String body = """
                    {"reference":"mesh-%d-%d","parties":[{"role":"retailer","number":"%s"},
                     {"role":"customer","number":"%s"}]}""".formatted(System.nanoTime(), i, retailers.get(i % 3),
                    customers.get(i % 4));
            requests.add(() -> api.post("/v1/sessions", body));
        }

        List<Http.Response> responses = runAtOnce(requests);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 201, 503));
        assertThat(routingInvariantViolations()).isZero();
    }

    /** Pairs (real, masked) held by more than one open session outside the hub: must never exist. */
    private static int routingInvariantViolations() {
        JdbcClient jdbc = instances.get(0).getBean(JdbcClient.class);
        return jdbc.sql("""
                select count(*) from (
                    select p.real_number_hash, p.masked_number from parties p join sessions s on s.id = p.session_id
                    where s.status = 'open' and not p.on_hub
                    group by p.real_number_hash, p.masked_number having count(*) > 1) violations""")
                .query(Integer.class).single();
    }

    @Test
    void concurrentRequestsForTheSameSessionGetOneSession() throws Exception {
        String body = """
                {"reference":"same-%d","parties":[{"role":"retailer","number":"%s"},
                 {"role":"customer","number":"%s"}]}""".formatted(System.nanoTime(), TestNumbers.mobile(),
                TestNumbers.mobile());
        List<Callable<Http.Response>> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Http api = apis.get(i % 2);
            requests.add(() -> api.post("/v1/sessions", body));
        }

        List<Http.Response> responses = runAtOnce(requests);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 201));
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(responses.stream().map(r -> r.json().get("id").asString()).distinct()).hasSize(1);
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
