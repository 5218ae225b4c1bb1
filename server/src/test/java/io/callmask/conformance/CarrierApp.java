package io.callmask.conformance;

import io.callmask.CallmaskApplication;
import io.callmask.support.Http;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One callmask instance for the conformance suite, started as an operator starts it, on a random
 * port, with the carriers the driver(s) enable and nothing else of the test harness's defaults.
 */
final class CarrierApp implements AutoCloseable {

    static final String API_KEY = "cf-api-key";
    static final String OPERATOR_KEY = "cf-operator-key";
    static final List<String> POOL = List.of("+918047180001", "+918047180002", "+918047180003", "+918047180004");
    static final String HUB = "+918047180099";

    final ConfigurableApplicationContext context;
    final Http api;
    final Http operator;
    final String base;

    private CarrierApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        this.api = new Http(base, API_KEY);
        this.operator = new Http(base, OPERATOR_KEY);
    }

    /** Starts with {@code settings} (the drivers' and the database's) over a small pool and one hub. */
    static CarrierApp start(Clock clock, List<String> settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--callmask.api-keys=" + API_KEY, "--callmask.operator-keys=" + OPERATOR_KEY,
                "--callmask.data-dir=target/it-data", "--callmask.limits.retailer-calls-per-hour=100000",
                "--callmask.limits.customer-calls-per-day=100000",
                // a retailer with one open session goes on the hub for the next: the hub scenario needs two
                "--callmask.allocation.hub-threshold=1"));
        if (settings.stream().noneMatch(s -> s.startsWith("--callmask.pool="))) {
            args.add("--callmask.pool=" + String.join(",", POOL));
            args.add("--callmask.hubs=" + HUB);
        }
        args.addAll(settings);
        var builder = new SpringApplicationBuilder(CallmaskApplication.class);
        builder.initializers(c -> ((GenericApplicationContext) c).registerBean("testClock", Clock.class,
                () -> clock, d -> d.setPrimary(true)));
        return new CarrierApp(builder.run(args.toArray(String[]::new)));
    }

    static List<String> h2(String name) {
        return List.of("--spring.datasource.url=jdbc:h2:file:./target/it-data/cf-" + name + "-"
                + java.util.UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    int rows(String table) {
        return jdbc().sql("select count(*) from " + table).query(Integer.class).single();
    }

    @Override
    public void close() {
        context.close();
    }
}
