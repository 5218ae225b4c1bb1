package io.callmask.support;

import io.callmask.core.privacy.NumberKeys;
import io.callmask.CallmaskApplication;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One callmask instance started as an operator starts it (command-line settings win over
 * application.yml), with the emulator, on a random port; for tests that need several instances,
 * a database prepared beforehand, or a restart with other keys.
 */
public final class App implements AutoCloseable {

    public static final String API_KEY = "it-api-key";
    public static final String AUTH_TOKEN = "it-auth-token";

    public final ConfigurableApplicationContext context;
    public final Http api;
    public final Http phones;

    private App(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.api = new Http("http://localhost:" + port, API_KEY);
        this.phones = new Http("http://localhost:" + port, null);
    }

    /** Starts an instance; {@code clock} (may be null) replaces the application clock. */
    public static App start(Clock clock, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--callmask.api-keys=" + API_KEY, "--callmask.twilio.auth-token=" + AUTH_TOKEN,
                "--emulator.time-scale=0.05",
                "--callmask.pool=+918047180001,+918047180002,+918047180003,+918047180004,+918047180005",
                "--callmask.hubs=+918047180099"));
        args.addAll(List.of(settings));
        var builder = new SpringApplicationBuilder(CallmaskApplication.class);
        if (clock != null) {
            builder.initializers(c -> ((GenericApplicationContext) c).registerBean("testClock", Clock.class,
                    () -> clock, d -> d.setPrimary(true)));
        }
        return new App(builder.run(args.toArray(String[]::new)));
    }

    /** Settings for explicit number keys: {@code keys} id -> base64 key, the active id, the lookup key. */
    public static List<String> keys(Map<String, String> keys, String active, String lookup) {
        List<String> args = new ArrayList<>();
        keys.forEach((id, key) -> args.add("--callmask.crypto.keys." + id + "=" + key));
        args.add("--callmask.crypto.active-key=" + active);
        args.add("--callmask.crypto.lookup-key=" + lookup);
        return args;
    }

    /** Settings for a PostgreSQL database. */
    /**
     * {@code count} instances of one cluster on a fresh PostgreSQL database, as an operator runs them:
     * the same number keys and token secret, a data directory each ({@code target/it-data/<name>-<i>}).
     */
    public static List<App> postgresCluster(int count, Clock clock, String name, String... settings) {
        return postgresCluster(java.util.Collections.nCopies(count, clock), name, settings);
    }

    /** As {@link #postgresCluster(int, Clock, String, String...)}, one instance per clock (null: the system's). */
    public static List<App> postgresCluster(List<Clock> clocks, String name, String... settings) {
        int count = clocks.size();
        List<String> shared = new ArrayList<>(postgres(PostgresDatabase.create()));
        shared.addAll(keys(Map.of("k1", NumberKeys.newKey(32)), "k1",
                NumberKeys.newKey(32)));
        shared.add("--callmask.tokens.secret=" + name + "-token-secret-shared-by-the-cluster-32-bytes");
        shared.addAll(List.of(settings));
        List<App> cluster = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(shared);
            args.add("--callmask.data-dir=target/it-data/" + name + "-" + i);
            cluster.add(start(clocks.get(i), args.toArray(String[]::new)));
        }
        return cluster;
    }

    public static List<String> postgres(String url) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresDatabase.USER, "--spring.datasource.password="));
        PostgresDatabase.POOL.forEach((name, value) -> args.add("--" + name + "=" + value));
        return args;
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A signed voice webhook, as Twilio posts it when {@code from} dials {@code to}. */
    public Http.Response voice(String from, String to, String callSid) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", callSid);
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("From", from);
        params.put("To", to);
        params.put("Caller", from);
        params.put("Called", to);
        params.put("CallStatus", "ringing");
        params.put("Direction", "inbound");
        params.put("ApiVersion", "2010-04-01");
        String url = api.base() + "/webhooks/twilio/voice";
        return api.postForm("/webhooks/twilio/voice", params, TwilioSigner.sign(AUTH_TOKEN, url, params));
    }

    /** A signed Twilio status report for the callee leg {@code leg} of call {@code callId}. */
    public Http.Response calleeStatus(String callId, String leg, String status, Integer durationSeconds) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", leg);
        params.put("CallStatus", status);
        if (durationSeconds != null) {
            params.put("CallDuration", durationSeconds.toString());
        }
        String path = "/webhooks/twilio/status?call=" + callId + "&leg=callee";
        return api.postForm(path, params, TwilioSigner.sign(AUTH_TOKEN, api.base() + path, params));
    }

    @Override
    public void close() {
        context.close();
    }
}
