package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.callmask.support.Http;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Call costs over real calls through the emulator, priced with the default Twilio table
 * (4.00 INR a started minute outbound, 1.00 inbound, 1200.00 a number a month), and the costs
 * API's sums, projection and budget alert. The tiny budget makes every projection pass it.
 */
@TestPropertySource(properties = "callmask.costs.monthly-budget=0.01")
abstract class CostScenarios extends EndToEndTestBase {

    @Test
    void callsArePricedPerLegAndTheCostsApiAddsThemUp() {
        JsonNode before = costs("");
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 70.0);
        String retailer = retailer(retailerPhone);
        String order = order(retailer, customerPhone, "accepted");

        // Click-to-call answered for 70 s: each outbound leg (retailer ~72 s, customer 70 s)
        // rounds up to 2 minutes: 2 x 2 x 4.00.
        var placed = api.post("/v1/masked-calls", """
                {"orderId":"%s","retailerId":"%s"}""".formatted(order, retailer));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String sessionId = placed.json().get("sessionId").asString();
        JsonNode talked = awaitPriced(placed.json().get("callId").asString(), "completed", 2);
        assertThat(talked.get("durationSeconds").asInt()).isBetween(61, 119);
        assertCost(talked, "16.00");

        // Dial-in of 30 s: the customer's inbound leg (1.00) plus the outbound leg to the retailer (4.00).
        phone(retailerPhone, "auto", 30.0, null);
        phone(customerPhone, "auto", null, null);
        JsonNode session = api.get("/v1/sessions/" + sessionId).json();
        dial(customerPhone, masked(session, "customer"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/v1/sessions/" + sessionId + "/calls").json().size() == 2);
        String dialIn = api.get("/v1/sessions/" + sessionId + "/calls").json().get(0).get("id").asString();
        JsonNode dialled = awaitPriced(dialIn, "completed", 2);
        assertThat(dialled.get("direction").asString()).isEqualTo("dial-in");
        assertCost(dialled, "5.00");

        // Unanswered: the retailer's phone never picks up, so no leg is billed.
        phone(retailerPhone, "no-answer", null, null);
        var unanswered = api.post("/v1/masked-calls", """
                {"orderId":"%s","retailerId":"%s"}""".formatted(order, retailer));
        assertThat(unanswered.status()).as(unanswered.body()).isEqualTo(201);
        assertCost(awaitPriced(unanswered.json().get("callId").asString(), "no-answer", 1), "0.00");

        JsonNode after = costs("?top=100");
        assertThat(after.get("currency").asString()).isEqualTo("INR");
        assertThat(amount(after.get("callSpend")).subtract(amount(before.get("callSpend"))))
                .isEqualByComparingTo("21.00");
        assertThat(after.get("callCount").asLong() - before.get("callCount").asLong()).isEqualTo(3);
        JsonNode mine = null;
        BigDecimal retailers = BigDecimal.ZERO;
        for (JsonNode r : after.get("retailers")) {
            retailers = retailers.add(amount(r.get("amount")));
            if (retailer.equals(r.get("retailerId").asString())) {
                mine = r;
            }
        }
        assertThat(mine).as("the retailer in the breakdown").isNotNull();
        assertThat(amount(mine.get("amount"))).isEqualByComparingTo("21.00");
        assertThat(mine.get("calls").asLong()).isEqualTo(3);
        assertThat(retailers).isEqualByComparingTo(amount(after.get("callSpend")));
        BigDecimal days = BigDecimal.ZERO;
        for (JsonNode d : after.get("days")) {
            days = days.add(amount(d.get("amount")));
        }
        assertThat(days).isEqualByComparingTo(amount(after.get("callSpend")));
        // 2 + 2 + 1 + 1 billed minutes and nothing for the unanswered call
        assertThat(after.get("billedMinutes").decimalValue().subtract(before.get("billedMinutes").decimalValue()))
                .isEqualByComparingTo("6");
        JsonNode rent = after.get("numberRent");
        assertThat(rent.get("numbers").asInt()).isEqualTo(POOL.size() + 2);
        assertThat(amount(rent.get("monthly"))).isEqualByComparingTo(new BigDecimal(1200 * (POOL.size() + 2)));
        assertThat(amount(after.get("total")))
                .isEqualByComparingTo(amount(after.get("callSpend")).add(amount(rent.get("period"))));
        assertThat(amount(after.get("costPerCall"))).isEqualByComparingTo(amount(after.get("callSpend"))
                .divide(BigDecimal.valueOf(after.get("callCount").asLong()), 2, RoundingMode.HALF_UP));
    }

    @Test
    void theMonthIsProjectedLinearlyAndAPassedBudgetIsAnnouncedOncePerMonth() {
        JsonNode report = costs("");
        JsonNode month = report.get("monthToDate");
        Instant asOf = Instant.parse(report.get("asOf").asString());
        // Months and days are the reporting zone's (callmask.costs.time-zone, Asia/Kolkata by default).
        ZoneId zone = ZoneId.of(report.get("timeZone").asString());
        assertThat(zone).isEqualTo(ZoneId.of("Asia/Kolkata"));
        YearMonth ym = YearMonth.from(asOf.atZone(zone));
        assertThat(month.get("month").asString()).isEqualTo(ym.toString());
        Instant start = ym.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        BigDecimal share = BigDecimal.valueOf(Duration.between(start, asOf).toMillis())
                .divide(BigDecimal.valueOf(Duration.between(start, end).toMillis()), 12, RoundingMode.HALF_UP);
        BigDecimal expected = amount(month.get("callSpend")).divide(share, 6, RoundingMode.HALF_UP)
                .add(amount(report.get("numberRent").get("monthly")));
        assertThat(amount(month.get("projected"))).isCloseTo(expected, within(new BigDecimal("0.02")));
        assertThat(report.get("from").asString()).isEqualTo(ym.atDay(1).toString());
        assertThat(report.get("to").asString()).isEqualTo(asOf.atZone(zone).toLocalDate().toString());

        assertThat(amount(month.get("budget"))).isEqualByComparingTo("0.01");
        assertThat(month.get("budgetExceededProjected").asBoolean()).isTrue();
        assertThat(report.get("budgetExceededProjected").asBoolean()).isTrue();
        costs("?from=" + ym.atDay(1));
        JsonNode events = api.get("/v1/events?type=cost.budget-projected-over&limit=100").json();
        assertThat(events.size()).as(events.toString()).isEqualTo(1);
        assertThat(events.get(0).get("detail").asString()).doesNotContainPattern("[0-9]");
        Instant alertedAt = Instant.parse(costs("").get("monthToDate").get("alertedAt").asString());
        assertThat(YearMonth.from(alertedAt.atZone(zone))).isEqualTo(ym);
    }

    @Test
    void retailersMayNotReadCostsAndBadPeriodsAreRefused() {
        String retailer = retailer(phone("auto", null));
        var issued = api.post("/v1/retailer-tokens", "{\"retailerId\":\"" + retailer + "\",\"ttlSeconds\":900}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        Http browser = new Http(api.base(), issued.json().get("token").asString());
        var refused = browser.get("/v1/costs");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(operator.get("/v1/costs").status()).isEqualTo(200);

        problem(api.get("/v1/costs?from=yesterday"), "invalid-from");
        problem(api.get("/v1/costs?from=2026-11-10&to=2026-11-01"), "invalid-period");
        problem(api.get("/v1/costs?from=2020-01-01&to=2026-11-01"), "invalid-period");
        problem(api.get("/v1/costs?top=0"), "invalid-top");
        JsonNode week = costs("?from=2026-01-01&to=2026-01-07");
        assertThat(week.get("days").size()).isEqualTo(7);
        assertThat(amount(week.get("numberRent").get("period")))
                .isEqualByComparingTo(amount(week.get("numberRent").get("monthly")).multiply(BigDecimal.valueOf(7))
                        .divide(BigDecimal.valueOf(31), 2, RoundingMode.HALF_UP));
    }

    private JsonNode costs(String query) {
        var r = api.get("/v1/costs" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static void problem(Http.Response r, String slug) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:callmask:problem:" + slug);
    }


    private static void assertCost(JsonNode call, String amount) {
        assertThat(call.get("cost").get("currency").asString()).isEqualTo("INR");
        assertThat(amount(call.get("cost"))).as(call.toString()).isEqualByComparingTo(amount);
    }

    private static BigDecimal amount(JsonNode money) {
        return money.get("amount").decimalValue();
    }
}
