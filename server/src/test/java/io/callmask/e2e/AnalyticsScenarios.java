package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.support.Console;
import io.callmask.support.Http;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's analytics over real calls through the emulator: its figures per day and per
 * retailer are exactly those of the calls (as {@code GET /v1/calls/{id}} tells them), days are
 * Kolkata's, the page and {@code GET /v1/costs} agree, bad periods are explained, and the budget is
 * checked on a schedule. Each test moves the shared clock to days no other test used, so its
 * period holds its own calls only. The tiny budget makes every projection pass it.
 */
@TestPropertySource(properties = {"callmask.costs.monthly-budget=0.01", "callmask.costs.budget-check-interval=1s"})
abstract class AnalyticsScenarios extends EndToEndTestBase {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Autowired
    JdbcClient jdbc;

    /** Signed in now: a login lasts 8 hours of the clock, which these tests move by weeks. */
    Console console() {
        Console console = new Console("http://localhost:" + port);
        assertThat(console.signIn(OPERATOR_KEY).status()).isEqualTo(302);
        return console;
    }

    @Test
    void figuresPerDayAndPerRetailerAreThoseOfTheCallsInKolkataDays() {
        // 02:00 in Kolkata is still the previous day in UTC: this dial-in must count on day d.
        LocalDate d = freshDay();
        jumpTo(d.atTime(LocalTime.of(2, 0)).atZone(KOLKATA).toInstant());
        assertThat(clock.instant().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(d.minusDays(1));
        List<String> calls = new ArrayList<>();
        String nightRetailer = phone("auto", 30.0);
        String nightCustomer = phone("auto", null);
        JsonNode session = session("night-" + System.nanoTime(), nightRetailer, nightCustomer);
        dial(nightCustomer, masked(session, "customer"));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json().size() == 1);
        String dialIn = api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json().get(0)
                .get("id").asString();
        assertCost(awaitPriced(dialIn, "completed", 2), "5.00");
        calls.add(dialIn);

        jumpTo(d.atTime(LocalTime.NOON).atZone(KOLKATA).toInstant());
        String shopPhone = phone("auto", null);
        String shop = retailer(shopPhone);
        String customer = phone("auto", 70.0);
        String order = order(shop, customer, "accepted");
        calls.add(clickToCall(order, shop, "completed", "16.00"));
        phone(shopPhone, "no-answer", null, null);
        calls.add(clickToCall(order, shop, "no-answer", "0.00"));

        String otherPhone = phone("auto", null);
        String other = retailer(otherPhone);
        String otherCustomer = phone("auto", 10.0);
        String otherOrder = order(other, otherCustomer, "accepted");
        calls.add(clickToCall(otherOrder, other, "completed", "8.00"));

        jumpTo(d.plusDays(1).atTime(LocalTime.NOON).atZone(KOLKATA).toInstant());
        calls.add(clickToCall(otherOrder, other, "completed", "8.00"));

        // What the calls themselves say, folded by Kolkata day and by retailer.
        Map<LocalDate, Figures> days = new TreeMap<>();
        days.put(d, new Figures());
        days.put(d.plusDays(1), new Figures());
        Map<String, Figures> retailers = new TreeMap<>();
        Figures all = new Figures();
        for (String id : calls) {
            JsonNode call = api.get("/v1/calls/" + id).json();
            LocalDate day = Instant.parse(call.get("createdAt").asString()).atZone(KOLKATA).toLocalDate();
            String retailer = id.equals(dialIn) ? "r1" : calls.indexOf(id) < 3 ? shop : other;
            for (Figures f : List.of(days.get(day), retailers.computeIfAbsent(retailer, r -> new Figures()), all)) {
                f.add(call);
            }
        }
        assertThat(days.get(d).calls).isEqualTo(4);
        assertThat(days.get(d).answered).isEqualTo(3);
        assertThat(days.get(d).amount).isEqualByComparingTo("29.00");
        assertThat(days.get(d.plusDays(1)).calls).isEqualTo(1);

        JsonNode report = data("?from=" + d + "&to=" + d.plusDays(1));
        assertThat(report.get("timeZone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(report.get("callCount").asLong()).isEqualTo(5);
        assertThat(report.get("answeredCalls").asLong()).isEqualTo(4);
        assertThat(report.get("talkSeconds").asLong()).isEqualTo(all.talkSeconds);
        assertThat(amount(report.get("callSpend"))).isEqualByComparingTo("37.00");
        assertThat(report.get("days").size()).isEqualTo(2);
        for (JsonNode day : report.get("days")) {
            Figures expected = days.get(LocalDate.parse(day.get("date").asString()));
            assertThat(day.get("calls").asLong()).as(day.toString()).isEqualTo(expected.calls);
            assertThat(day.get("answered").asLong()).as(day.toString()).isEqualTo(expected.answered);
            assertThat(day.get("talkSeconds").asLong()).as(day.toString()).isEqualTo(expected.talkSeconds);
            assertThat(amount(day.get("amount"))).as(day.toString()).isEqualByComparingTo(expected.amount);
        }
        // Ranked by cost, ties by id; names from the directory where the id is a retailer there.
        assertThat(report.get("retailers").size()).isEqualTo(3);
        List<String> ranked = new ArrayList<>();
        for (JsonNode r : report.get("retailers")) {
            String id = r.get("retailerId").asString();
            ranked.add(id);
            Figures expected = retailers.get(id);
            assertThat(r.get("calls").asLong()).as(r.toString()).isEqualTo(expected.calls);
            assertThat(r.get("answered").asLong()).as(r.toString()).isEqualTo(expected.answered);
            assertThat(r.get("talkSeconds").asLong()).as(r.toString()).isEqualTo(expected.talkSeconds);
            assertThat(amount(r.get("amount"))).as(r.toString()).isEqualByComparingTo(expected.amount);
            assertThat(r.hasNonNull("name") ? r.get("name").asString() : null)
                    .isEqualTo(id.equals("r1") ? null : "Retailer " + id);
        }
        assertThat(ranked).containsExactly(shop.compareTo(other) < 0 ? shop : other,
                shop.compareTo(other) < 0 ? other : shop, "r1");

        // GET /v1/costs says the same for the same period (all but the moment it was asked).
        JsonNode costs = api.get("/v1/costs?from=" + d + "&to=" + d.plusDays(1) + "&top=10").json();
        assertThat(withoutMoment(costs)).isEqualTo(withoutMoment(report));

        // The page's cards.
        Http.Response page = console().get("/console/analytics?from=" + d + "&to=" + d.plusDays(1)).response();
        assertThat(page.status()).isEqualTo(200);
        assertThat(card(page.body(), "card-calls")).isEqualTo("5");
        assertThat(card(page.body(), "card-answer-rate")).isEqualTo("80.0%");
        assertThat(card(page.body(), "card-total-minutes")).isEqualTo(minutes(all.talkSeconds, 1));
        assertThat(card(page.body(), "card-average-minutes")).isEqualTo(minutes(all.talkSeconds, 4));
        assertThat(card(page.body(), "card-cost-per-call")).isEqualTo("INR 7.40");
        assertThat(page.body()).doesNotContain(shopPhone, customer, otherPhone, otherCustomer, nightCustomer,
                nightRetailer);

        // The UTC day of the night call holds nothing in Kolkata's days: an empty state, not charts.
        JsonNode before = data("?from=" + d.minusDays(1) + "&to=" + d.minusDays(1));
        assertThat(before.get("callCount").asLong()).isZero();
        Http.Response empty = console().get("/console/analytics?from=" + d.minusDays(1) + "&to=" + d.minusDays(1)).response();
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"empty\"").doesNotContain("id=\"charts\"");
    }

    @Test
    void badPeriodsAreExplainedAndChangeNothing() {
        String[][] cases = {
            {"?from=2026-11-10&to=2026-11-01", "invalid-period", "'from' must not be after 'to'."},
            {"?from=yesterday&to=2026-11-01", "invalid-from", "'from' must be a date such as 2026-11-01."},
            {"?from=2026-11-01&to=2026-13-01", "invalid-to", "'to' must be a date such as 2026-11-01."},
            {"?from=2025-01-01&to=2026-11-01", "invalid-period", "A period may span at most 366 days."}};
        for (String[] c : cases) {
            Http.Response page = console().get("/console/analytics" + c[0]).response();
            assertThat(page.status()).as(c[0]).isEqualTo(400);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains(c[2].replace("'", "&#39;")).doesNotContain("id=\"charts\"");
            Http.Response json = console().get("/console/analytics/data" + c[0], "application/json").response();
            assertThat(json.status()).as(c[0]).isEqualTo(400);
            assertThat(json.json().get("type").asString()).isEqualTo("urn:callmask:problem:" + c[1]);
            assertThat(json.json().get("detail").asString()).isEqualTo(c[2]);
        }
        // 366 days, both ends included, is the longest period.
        assertThat(console().get("/console/analytics?from=2025-11-01&to=2026-11-01").status()).isEqualTo(200);
        // Without the console cookie there is nothing to see.
        Http.Response anonymous = new Console("http://localhost:" + port).get("/console/analytics/data").response();
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(api.get("/console/analytics/data").status()).as("an API key is not a console login")
                .isEqualTo(302);
    }

    @Test
    void theBudgetIsCheckedOnAScheduleWithoutAnyoneReadingCosts() {
        // A month no test has been in yet: its alert can only come from the scheduled check.
        jumpTo(YearMonth.from(freshDay()).plusMonths(1).atDay(2).atTime(LocalTime.NOON).atZone(KOLKATA).toInstant());
        YearMonth month = YearMonth.from(clock.instant().atZone(KOLKATA));
        // The alert row comes first, the event just after it: wait for the event.
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/events?type=cost.budget-projected-over&limit=100")
                .body().contains("\"" + month));
        assertThat(jdbc.sql("select count(*) from cost_budget_alerts where budget_month = ?").param(month.toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'cost-budget'").query(Long.class).single())
                .isEqualTo(1);

        Http.Response page = console().get("/console/analytics").response();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"over-budget\"", "Over the budget of <span>INR 0.01</span>",
                "id=\"budget-alerted\"");
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** A Kolkata day well past every day an earlier test moved the clock to. */
    LocalDate freshDay() {
        return clock.instant().atZone(KOLKATA).toLocalDate().plusDays(40);
    }

    void jumpTo(Instant moment) {
        clock.advance(Duration.between(clock.instant(), moment));
    }

    private String clickToCall(String order, String retailer, String status, String cost) {
        var placed = api.post("/v1/masked-calls", """
                {"orderId":"%s","retailerId":"%s"}""".formatted(order, retailer));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String id = placed.json().get("callId").asString();
        assertCost(awaitPriced(id, status, status.equals("completed") ? 2 : 1), cost);
        return id;
    }

    private JsonNode data(String query) {
        Http.Response r = console().get("/console/analytics/data" + query, "application/json").response();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }


    private static void assertCost(JsonNode call, String amount) {
        assertThat(amount(call.get("cost"))).as(call.toString()).isEqualByComparingTo(amount);
    }

    private static BigDecimal amount(JsonNode money) {
        return money.get("amount").decimalValue();
    }

    private static JsonNode withoutMoment(JsonNode report) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove("asOf");
        ObjectNode month = (ObjectNode) copy.get("monthToDate");
        // Rent so far and the projection move with the clock between two requests.
        month.remove("spend");
        month.remove("projected");
        return copy;
    }

    private static String minutes(long seconds, long per) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60L * per), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String card(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"><div class=\"label\">[^<]*</div><div class=\"value\">([^<]*)</div>")
                .matcher(html);
        assertThat(m.find()).as("card " + id).isTrue();
        return m.group(1);
    }

    /** Sums over calls as the calls API reports them. */
    private static final class Figures {
        long calls;
        long answered;
        long talkSeconds;
        BigDecimal amount = BigDecimal.ZERO;

        void add(JsonNode call) {
            calls++;
            boolean answeredCall = call.get("answeredAt") != null && !call.get("answeredAt").isNull();
            answered += answeredCall ? 1 : 0;
            if (answeredCall && call.get("durationSeconds") != null && !call.get("durationSeconds").isNull()) {
                talkSeconds += call.get("durationSeconds").asLong();
            }
            amount = amount.add(amount(call.get("cost")));
        }
    }
}
