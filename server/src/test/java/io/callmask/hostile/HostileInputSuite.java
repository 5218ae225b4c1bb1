package io.callmask.hostile;

import io.callmask.support.TelnyxSigner;
import io.callmask.support.VonageSigner;
import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import io.callmask.support.TwilioSigner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Throws hostile input at every endpoint and webhook of a running callmask (emulator on, real
 * HTTP, one application per database) and checks each answer and the database: a clear refusal,
 * never a 5xx, and nothing changed. The cases come from {@link Endpoints} (the table) crossed with
 * {@link Families}; what an answer must look like is in {@link HostileCase#check}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "callmask.api-keys=" + HostileInputSuite.API_KEY,
        "callmask.operator-keys=" + HostileInputSuite.OPERATOR_KEY,
        "callmask.twilio.auth-token=" + HostileInputSuite.AUTH_TOKEN,
        "emulator.time-scale=0.05",
        "callmask.pool=+918047180001,+918047180002,+918047180003,+918047180004,+918047180005",
        "callmask.hubs=+918047180099",
        "callmask.data-dir=target/it-data",
        // Telnyx beside Twilio, so its webhooks are under test too (its numbers: none; strangers only)
        "callmask.carriers.telnyx.enabled=true",
        "callmask.carriers.telnyx.api-key=hostile-key",
        "callmask.carriers.telnyx.account-sid=hostile-account",
        "callmask.carriers.telnyx.application-sid=hostile-app",
        "callmask.carriers.telnyx.public-key=" + TelnyxSigner.PUBLIC_KEY,
        "callmask.carriers.telnyx.api-base-url=http://localhost:1",
        "callmask.carriers.plivo.enabled=true",
        "callmask.carriers.plivo.auth-id=MAHOSTILE00000000000",
        "callmask.carriers.plivo.auth-token=" + HostileInputSuite.PLIVO_TOKEN,
        "callmask.carriers.plivo.api-base-url=http://localhost:1",
        "callmask.carriers.vonage.enabled=true",
        "callmask.carriers.vonage.application-id=aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
        "callmask.carriers.vonage.private-key=" + HostileInputSuite.VONAGE_KEY,
        "callmask.carriers.vonage.signature-secret=" + HostileInputSuite.VONAGE_SECRET,
        "callmask.carriers.vonage.api-key=" + VonageSigner.API_KEY,
        "callmask.carriers.vonage.api-base-url=http://localhost:1",
        "callmask.carriers.connect.enabled=true",
        "callmask.carriers.connect.instance-id=" + HostileInputSuite.CONNECT_INSTANCE,
        "callmask.carriers.connect.contact-flow-id=66666666-7777-8888-9999-000000000000",
        "callmask.carriers.connect.access-key-id=AKIAHOSTILE000000000",
        "callmask.carriers.connect.secret-access-key=hostile-secret-access-key",
        "callmask.carriers.connect.endpoint-override=http://localhost:1",
        "callmask.carriers.connect.webhook-secret=" + HostileInputSuite.CONNECT_SECRET,
        "callmask.carriers.msg91.enabled=true",
        "callmask.carriers.msg91.auth-key=hostile-msg91-key",
        "callmask.carriers.msg91.webhook-secret=" + HostileInputSuite.MSG91_SECRET,
        "callmask.carriers.msg91.api-base-url=http://localhost:1",
        "callmask.carriers.exotel.enabled=true",
        "callmask.carriers.exotel.account-sid=hostile-exotel",
        "callmask.carriers.exotel.api-key=hostile-exotel-key",
        "callmask.carriers.exotel.api-token=hostile-exotel-token",
        "callmask.carriers.exotel.webhook-secret=" + HostileInputSuite.EXOTEL_SECRET,
        "callmask.carriers.exotel.api-base-url=http://localhost:1",
        "spring.main.banner-mode=off",
        // hostile requests are logged at WARN/INFO by design; the suite's own output is the summary
        "logging.level.io.callmask=ERROR",
        "logging.level.org.springframework.web=ERROR",
        "logging.level.org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver=WARN",
        "logging.level.org.apache.coyote=ERROR",
        "logging.level.org.apache.tomcat=ERROR"})
abstract class HostileInputSuite {

    static final String API_KEY = "it-api-key";
    static final String OPERATOR_KEY = "it-operator-key";
    static final String AUTH_TOKEN = "it-auth-token";
    static final String PLIVO_TOKEN = "hostile-plivo-token";
    static final String VONAGE_SECRET = "hostile-vonage-signature-secret";
    /** A throw-away RSA key (PKCS#8 PEM): the adapter needs one to start; the suite places no Vonage call. */
    static final String VONAGE_KEY = "src/test/resources/hostile-vonage.key";
    static final String CONNECT_SECRET = "hostile-connect-webhook-secret-0123456789";
    static final String CONNECT_INSTANCE = "11111111-2222-3333-4444-555555555555";
    static final String MSG91_SECRET = "hostile-msg91-secret-0123456789abcdef";
    static final String EXOTEL_SECRET = "hostile-exotel-secret-0123456789abcdef";
    static final String POOL = "+918047180001";
    static final String HUB = "+918047180099";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    abstract String database();

    @Test
    void hostileInputIsRefusedAndChangesNothing() {
        Http api = new Http("http://localhost:" + port, API_KEY);
        Endpoints.Fixture fixture = fixture(api);
        List<String> tables = DbSnapshot.tableNames(dataSource);
        List<HostileCase> cases = new ArrayList<>(new Families("http://localhost:" + port, API_KEY, AUTH_TOKEN,
                fixture.emulatorAccount(), Endpoints.table(fixture)).all());
        cases.addAll(Regressions.cases(fixture, "http://localhost:" + port, AUTH_TOKEN, API_KEY));
        RawHttp http = new RawHttp("localhost", port);

        List<String> failures = new ArrayList<>();
        Map<String, Integer> byFamily = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> closeLater = new ArrayList<>();
        DbSnapshot last = null;
        int fiveXx = 0;
        int dbChanges = 0;
        int accepted = 0;
        long started = System.nanoTime();
        for (HostileCase c : cases) {
            byFamily.merge(c.family(), 1, Integer::sum);
            // Nothing runs in the background between cases (no call is ever really placed), so the
            // snapshot after one case is the one before the next, unless sessions were closed.
            DbSnapshot before = last != null ? last : DbSnapshot.take(dataSource, tables);
            RawHttp.Response response;
            try {
                response = http.send(c.request());
            } catch (IllegalStateException noAnswer) {
                failures.add(c.name() + ": " + noAnswer.getMessage());
                last = null;
                continue;
            }
            byStatus.merge(response.status(), 1, Integer::sum);
            if (response.status() >= 500) {
                fiveXx++;
            }
            String wrong = c.check(response);
            if (wrong != null) {
                failures.add(c.name() + ": " + wrong + " <- " + response.status() + " "
                        + HostileCase.abbreviate(response.body()));
            }
            boolean wasAccepted = response.status() < 300 && c.mayChange();
            if (wasAccepted && response.status() == 201 && response.body().startsWith("{\"id\":\"ses_")) {
                // A session opened with an exotic but valid number would make that number a real
                // party for the webhook cases that follow; close it (outside any case's snapshot).
                closeLater.add(response.body().substring(7, response.body().indexOf('"', 7)));
            }
            accepted += wasAccepted ? 1 : 0;
            DbSnapshot after = DbSnapshot.take(dataSource, tables);
            Map<String, String> changed = DbSnapshot.diff(before, after, c.endpoint().mayRecordEvents);
            last = closeLater.isEmpty() ? after : null;
            closeLater.removeIf(id -> api.post("/v1/sessions/" + id + "/close", "").status() < 500);
            if (wasAccepted) {
                changed.keySet().removeAll(c.endpoint().mayChange);
            }
            if (!changed.isEmpty()) {
                dbChanges++;
                failures.add(c.name() + ": changed the database " + changed + " <- " + response.status() + " "
                        + HostileCase.abbreviate(response.body()));
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("hostile-input %s: %d cases, %d 5xx, %d db changes, %d accepted as plain data, %d s%n",
                database(), cases.size(), fiveXx, dbChanges, accepted, seconds);
        System.out.println("  by family: " + byFamily);
        System.out.println("  by status: " + byStatus);
        failures.stream().limit(40).forEach(f -> System.out.println("  FAIL " + f));
        writeReport(failures);

        assertThat(cases).hasSizeGreaterThan(1000);
        assertThat(fiveXx).as("5xx answers").isZero();
        assertThat(dbChanges).as("database changes").isZero();
        assertThat(failures).as(failures.size() + " failures, first ones above").isEmpty();
    }

    /** A retailer, an order, an open session and a dialled-in call; the table's valid calls use them. */
    private Endpoints.Fixture fixture(Http api) {
        String retailerPhone = TestNumbers.mobile();
        String customerPhone = TestNumbers.mobile();
        String stranger = TestNumbers.mobile();
        String suffix = customerPhone.substring(5);
        String retailerId = "r-hostile-" + suffix;
        String orderId = "o-hostile-" + suffix;
        String reference = "hostile-" + suffix;
        assertThat(api.put("/v1/retailers/" + retailerId, """
                {"name":"Hostile Shop","phone":"%s"}""".formatted(retailerPhone)).status()).isEqualTo(201);
        assertThat(api.put("/v1/orders/" + orderId, """
                {"retailerId":"%s","customerId":"cust-1","customerPhone":"%s","status":"placed"}"""
                .formatted(retailerId, customerPhone)).status()).isEqualTo(201);
        var opened = api.post("/v1/sessions", """
                {"reference":"%s","ttlSeconds":3600,"parties":[
                  {"role":"retailer","id":"r1","number":"%s"},{"role":"customer","id":"c1","number":"%s"}]}"""
                .formatted(reference, retailerPhone, customerPhone));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String sessionId = opened.json().get("id").asString();
        String customerMasked = null;
        for (JsonNode p : opened.json().get("parties")) {
            if (p.get("role").asString().equals("customer")) {
                customerMasked = p.get("maskedNumber").asString();
            }
        }
        // The customer dials its masked number: the webhook records a call (the test plays Twilio,
        // so nothing is really dialled and nothing happens in the background afterwards).
        String callSid = "CA" + "ab".repeat(16);
        Map<String, String> params = Endpoints.voice(customerPhone, customerMasked, callSid);
        var voice = api.postForm("/webhooks/twilio/voice", params,
                TwilioSigner.sign(AUTH_TOKEN, api.base() + "/webhooks/twilio/voice", new LinkedHashMap<>(params)));
        assertThat(voice.body()).as("the fixture call is bridged").contains("<Dial");
        String callId = api.get("/v1/sessions/" + sessionId + "/calls").json().get(0).get("id").asString();
        // The demo makes its shop on first use; here, before any case, so that no case sees it appear.
        assertThat(api.get("/demo/api/shop").status()).isEqualTo(200);
        return new Endpoints.Fixture(retailerId, retailerPhone, orderId, customerPhone, sessionId, reference,
                customerMasked, callId, callSid, stranger, POOL, HUB, "AC" + "0".repeat(32));
    }

    /** Every failure, for reading when there are more than the console shows. */
    private void writeReport(List<String> failures) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "hostile-input-" + database() + ".txt");
            java.nio.file.Files.createDirectories(file.getParent());
            // labels may hold lone surrogates and NULs; the file is for people
            java.nio.file.Files.write(file, failures.stream()
                    .map(f -> new String(f.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            java.nio.charset.StandardCharsets.UTF_8).replace('\u0000', '0')).toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
