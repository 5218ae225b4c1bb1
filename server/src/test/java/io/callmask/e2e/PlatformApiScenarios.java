package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The platform API's contract: the one-shot masked call, its refusals, auth, and problem+json errors. */
abstract class PlatformApiScenarios extends EndToEndTestBase {

    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Test
    void maskedCallForAnActiveOrderRingsTheRetailerThenTheCustomer() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 7.0);
        String retailer = retailer(retailerPhone);
        String order = order(retailer, customerPhone, "out_for_delivery");

        var r = api.post("/v1/masked-calls", """
                {"orderId":"%s","retailerId":"%s","customerPhone":"%s"}""".formatted(order, retailer,
                customerPhone.replace("+91", "0")));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("callSid").asString()).matches("CA[0-9a-f]{32}");
        assertThat(r.body()).doesNotContain(retailerPhone).doesNotContain(customerPhone);
        JsonNode session = api.get("/v1/sessions/" + body.get("sessionId").asString()).json();
        assertThat(session.get("reference").asString()).isEqualTo(order);
        JsonNode call = awaitCallStatus(body.get("callId").asString(), "completed");
        assertThat(call.get("durationSeconds").asInt()).isEqualTo(7);
        assertThat(awaitPhoneCall(customerPhone, "completed").get("callerId").asString())
                .isEqualTo(masked(session, "customer"));
        // The answer names the number the retailer's phone showed, so a call button can say so.
        assertThat(body.get("retailerMaskedNumber").asString()).isEqualTo(masked(session, "retailer"))
                .isEqualTo(awaitPhoneCall(retailerPhone, "completed").get("callerId").asString());
    }

    @Test
    void maskedCallRefusalsAreClearAndCreateNothing() {
        String retailerPhone = phone("auto", null);
        String customerPhone = TestNumbers.mobile();
        String retailer = retailer(retailerPhone);
        String otherRetailer = retailer(TestNumbers.mobile());
        String cancelled = order(retailer, customerPhone, "cancelled");
        String othersOrder = order(otherRetailer, customerPhone, "placed");
        String active = order(retailer, customerPhone, "accepted");

        expectProblem(maskedCall(cancelled, retailer, null), 409, "order-not-active");
        expectProblem(maskedCall(othersOrder, retailer, null), 403, "order-not-owned");
        expectProblem(maskedCall(active, retailer, TestNumbers.mobile()), 422, "customer-phone-mismatch");
        expectProblem(maskedCall(active, "nobody", null), 404, "unknown-retailer");
        expectProblem(maskedCall("no-such-order", retailer, null), 404, "unknown-order");
        expectProblem(maskedCall(active, retailer, "12"), 400, "invalid-phone-number");

        for (String order : new String[] {cancelled, othersOrder, active, "no-such-order"}) {
            assertThat(api.get("/v1/sessions?reference=" + order).json().size()).isZero();
        }
        assertThat(callsSeenBy(retailerPhone)).isEmpty();
    }

    @Test
    void closingTheOrderEndsItsSessionSoADialInHearsItHasEnded() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 2.0);
        String retailer = retailer(retailerPhone);
        String order = order(retailer, customerPhone, "placed");
        var placed = maskedCall(order, retailer, null).json();
        awaitCallStatus(placed.get("callId").asString(), "completed");
        String sessionId = placed.get("sessionId").asString();
        JsonNode session = api.get("/v1/sessions/" + sessionId).json();

        api.put("/v1/orders/" + order, """
                {"retailerId":"%s","customerPhone":"%s","status":"delivered"}""".formatted(retailer, customerPhone));

        assertThat(api.get("/v1/sessions/" + sessionId).json().get("status").asString()).isEqualTo("closed");
        expectProblem(api.post("/v1/sessions/" + sessionId + "/calls", "{\"from\":\"retailer\"}"), 409, "session-not-open");
        String sid = dial(customerPhone, masked(session, "customer"));
        assertThat(awaitPhoneCallBySid(customerPhone, sid, "completed").get("heard").get(0).asString())
                .isEqualTo("This conversation has ended. Please use the app to reach them again.");
    }

    @Test
    void changingTheOrdersCustomerNumberEndsTheOldSession() {
        String retailer = retailer(TestNumbers.mobile());
        String order = order(retailer, TestNumbers.mobile(), "placed");
        JsonNode old = session(order, TestNumbers.mobile(), TestNumbers.mobile());

        var r = api.put("/v1/orders/" + order, """
                {"retailerId":"%s","customerPhone":"%s","status":"placed"}""".formatted(retailer, TestNumbers.mobile()));

        assertThat(r.status()).isEqualTo(200);
        assertThat(api.get("/v1/sessions/" + old.get("id").asString()).json().get("status").asString())
                .isEqualTo("closed");
    }

    @Test
    void theApiNeedsAValidKey() {
        var none = new Http(api.base(), null).get("/v1/sessions?reference=x");
        var wrong = new Http(api.base(), "wrong").get("/v1/sessions?reference=x");

        expectProblem(none, 401, "unauthorized");
        expectProblem(wrong, 401, "unauthorized");
    }

    @Test
    void invalidInputIsAProblemThatNamesTheFieldAndNeverEchoesTheNumber() {
        var badPhone = api.put("/v1/retailers/r-bad", "{\"name\":\"X\",\"phone\":\"091-98765-43210\"}");
        expectProblem(badPhone, 400, "invalid-phone-number");
        assertThat(badPhone.json().get("field").asString()).isEqualTo("phone");
        assertThat(badPhone.body()).doesNotContain("98765");

        expectProblem(api.put("/v1/retailers/r-bad", "{\"name\":"), 400, "malformed-body");
        expectProblem(api.put("/v1/retailers/r-bad", "{\"name\":\"\",\"phone\":\"9876543210\"}"), 400, "invalid-request");
        expectProblem(api.put("/v1/orders/o-bad", "{\"retailerId\":\"r\",\"customerPhone\":\"9876543210\",\"status\":\"lost\"}"),
                400, "invalid-order-status");
        expectProblem(api.put("/v1/orders/o-bad", "{\"retailerId\":\"nobody\",\"customerPhone\":\"9876543210\",\"status\":\"placed\"}"),
                422, "unknown-retailer");
        expectProblem(api.get("/v1/retailers/r-bad"), 404, "retailer-not-found");
        String parties = "[{\"role\":\"retailer\",\"number\":\"9876543210\"},{\"role\":\"customer\",\"number\":\"9876543211\"}]";
        expectProblem(api.post("/v1/sessions", "{\"reference\":\"o1\",\"ttlSeconds\":-5,\"parties\":" + parties + "}"),
                400, "invalid-ttl");
        expectProblem(api.post("/v1/sessions", "{\"reference\":\"o1\",\"ttlSeconds\":99999999999,\"parties\":" + parties + "}"),
                400, "invalid-ttl");
        expectProblem(api.post("/v1/sessions", "{\"reference\":\"o1\",\"parties\":[{\"role\":\"a\",\"number\":\"9876543210\"},"
                + "{\"role\":\"b\",\"number\":\"+91 98765 43210\"}]}"), 400, "invalid-parties");
        expectProblem(api.post("/v1/sessions", "{\"reference\":\"o1\",\"parties\":[{\"role\":\"a\",\"number\":\"9876543210\"}]}"),
                400, "invalid-request");
        expectProblem(api.get("/v1/sessions/ses_missing"), 404, "session-not-found");
        expectProblem(api.get("/v1/calls/call_missing"), 404, "call-not-found");
        assertThat(api.get("/v1/sessions?reference=o1").json().size()).isZero();
    }

    @Test
    void startingACallFromAnUnknownRoleIsRefused() {
        JsonNode session = session("order-role-" + System.nanoTime(), TestNumbers.mobile(), TestNumbers.mobile());
        expectProblem(api.post("/v1/sessions/" + session.get("id").asString() + "/calls", "{\"from\":\"courier\"}"),
                400, "unknown-role");
        assertThat(api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json().size()).isZero();
    }

    @Test
    void aBrowsersAcceptHeaderGetsJsonForAnswersAndErrors() {
        var ok = api.get("/v1/sessions?reference=none", BROWSER_ACCEPT);
        var error = api.get("/v1/sessions/ses_missing", BROWSER_ACCEPT);

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contentType()).startsWith("application/json");
        assertThat(ok.body()).isEqualTo("[]");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/v1/sessions?reference=none", "application/xml").status()).isEqualTo(406);
    }

    @Test
    void healthAndTheOpenApiDocumentAreServed() {
        var health = emulator.get("/actuator/health");
        var openApi = emulator.get("/v3/api-docs");

        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").propertyNames())
                .contains("/v1/sessions", "/v1/sessions/{id}", "/v1/masked-calls", "/v1/orders/{id}",
                        "/v1/retailers/{id}", "/v1/calls/{id}", "/v1/sessions/{sessionId}/calls");
    }

    private Http.Response maskedCall(String order, String retailer, String customerPhone) {
        String phone = customerPhone == null ? "" : ",\"customerPhone\":\"" + customerPhone + "\"";
        return api.post("/v1/masked-calls", "{\"orderId\":\"" + order + "\",\"retailerId\":\"" + retailer + "\"" + phone + "}");
    }

    private static void expectProblem(Http.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("urn:callmask:problem:" + type);
        assertThat(r.json().get("detail").asString()).isNotBlank();
    }
}
