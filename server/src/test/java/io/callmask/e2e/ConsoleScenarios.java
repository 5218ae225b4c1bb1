package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.core.number.Redaction;
import io.callmask.support.Console;
import io.callmask.support.Http;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The operator console over real HTTP: signing in, and the call history with its filters and CSV
 * export over calls placed through the API and answered by the emulator's phones. Pages and the
 * export show parties only in their masked forms.
 */
abstract class ConsoleScenarios extends EndToEndTestBase {

    static final String EVIL = "https://evil.example";

    Console console;

    @BeforeEach
    void openConsole() {
        console = new Console(api.base());
    }

    // --- signing in ----------------------------------------------------------------------------

    @Test
    void anOperatorKeySignsInWithAStrictHttpOnlyCookieValidOnTheConsoleOnly() {
        assertThat(console.get("/console").status()).isEqualTo(302);
        assertThat(console.get("/console").header("location")).endsWith("/console/login");

        Console.Answer signedIn = console.signIn(OPERATOR_KEY);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.header("location")).endsWith("/console");
        String cookie = signedIn.header("set-cookie");
        assertThat(cookie).startsWith("callmask_console=").contains("HttpOnly", "SameSite=Strict", "Path=/console")
                .doesNotContain(OPERATOR_KEY);
        Console.Answer live = console.get("/console");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).contains("<h1>Live</h1>", "sse-connect=\"/console/stream\"");
        assertThat(live.header("cache-control")).isEqualTo("no-store");
        // Signed in already: the sign-in page sends the operator on.
        assertThat(console.get("/console/login").status()).isEqualTo(302);
    }

    @Test
    void aPlatformKeyAndAWrongKeyAreRefusedWith401AndNoCookie() {
        Console.Answer platform = console.signIn(API_KEY);
        assertThat(platform.status()).isEqualTo(401);
        assertThat(platform.header("set-cookie")).isNull();
        assertThat(platform.body()).contains("That is a platform key");

        Console.Answer wrong = console.signIn("not-a-key-at-all");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("set-cookie")).isNull();
        assertThat(wrong.body()).contains("That key is not an operator key.");
        assertThat(console.cookie()).isNull();
    }

    @Test
    void tooManyFailedSignInsFromOneAddressAreAnswered429EvenWithTheRightKey() {
        String address = Console.freshAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(console.signIn("wrong-" + i, address, null).status()).isEqualTo(401);
        }
        Console.Answer limited = console.signIn(OPERATOR_KEY, address, null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("retry-after")).isEqualTo("60");
        assertThat(limited.header("set-cookie")).isNull();
        assertThat(limited.body()).contains("Too many failed attempts");
        // Another address is not held back by this one's failures.
        assertThat(console.signIn(OPERATOR_KEY).status()).isEqualTo(302);
    }

    @Test
    void aTamperedOrExpiredCookieSendsTheOperatorBackToSignIn() {
        assertThat(console.signIn(OPERATOR_KEY).status()).isEqualTo(302);
        String good = console.cookie();
        String[] parts = good.substring("callmask_console=".length()).split("\\.");
        // Another subject in the claims, the signature left as it was.
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replaceAll("operator:[0-9a-f]{8}", "operator:00000000");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes()) + "." + parts[2];
        for (String bad : List.of(forged, parts[0] + "." + parts[1] + ".AAAA", "garbage", "")) {
            console.useCookie("callmask_console=" + bad);
            Console.Answer answer = console.get("/console/calls");
            assertThat(answer.status()).as(bad).isEqualTo(302);
            assertThat(answer.header("location")).endsWith("/console/login");
        }
        console.useCookie(good);
        assertThat(console.get("/console/calls").status()).isEqualTo(200);
        clock.advance(Duration.ofHours(8).plusMinutes(1));
        try {
            Console.Answer expired = console.get("/console/calls");
            assertThat(expired.status()).isEqualTo(302);
            assertThat(expired.header("location")).endsWith("/console/login");
        } finally {
            clock.advance(Duration.ofHours(8).plusMinutes(1).negated());
        }
        assertThat(console.get("/console/calls").status()).isEqualTo(200);
    }

    @Test
    void aCrossOriginPostIsRefusedWith403() {
        Console.Answer login = console.signIn(OPERATOR_KEY, Console.freshAddress(), EVIL);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.header("set-cookie")).isNull();
        assertThat(console.signIn(OPERATOR_KEY, Console.freshAddress(), api.base()).status()).isEqualTo(302);
        assertThat(console.send("POST", "/console/logout", EVIL).status()).isEqualTo(403);
        assertThat(console.send("DELETE", "/console/alerts/blocks/r-anyone", EVIL).status()).isEqualTo(403);
        assertThat(console.get("/console").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void theLiveStreamNeedsASignInAndStartsWithTheBoard() throws Exception {
        BlockingQueue<String> anonymous = Console.queue();
        console.stream(anonymous);
        assertThat(anonymous.poll(10, TimeUnit.SECONDS)).isEqualTo("status:401");

        console.signIn(OPERATOR_KEY);
        BlockingQueue<String> lines = Console.queue();
        console.stream(lines);
        assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("status:200");
        // The board comes first; heartbeats (comment lines) may follow at any time.
        assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("event:live");
        assertThat(lines.poll(10, TimeUnit.SECONDS)).startsWith("data:").contains("Open sessions");
    }

    // --- the call history ----------------------------------------------------------------------

    @Test
    void theHistoryFiltersByRetailerOrderStatusAndDay() {
        console.signIn(OPERATOR_KEY);
        Placed p = placeTwoCalls();
        // The shared app's clock, which other scenarios move forward: its day, not the machine's.
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String today = day.toString();

        String mine = console.get("/console/calls?retailer=" + p.retailer).body();
        assertThat(mine).contains("call-" + p.completed, "call-" + p.unanswered, "2 calls, page 1 of 1");
        assertThat(console.get("/console/calls?retailer=" + p.retailer + "&status=no-answer").body())
                .contains("call-" + p.unanswered, "1 call,").doesNotContain("call-" + p.completed);
        assertThat(console.get("/console/calls?reference=" + p.order + "&status=completed").body())
                .contains("call-" + p.completed).doesNotContain("call-" + p.unanswered);
        assertThat(console.get("/console/calls?retailer=" + p.retailer + "&from=" + today + "&to=" + today).body())
                .contains("call-" + p.completed, "call-" + p.unanswered);
        String tomorrow = day.plusDays(1).toString();
        assertThat(console.get("/console/calls?retailer=" + p.retailer + "&from=" + tomorrow).body())
                .contains("No calls match.").doesNotContain("call-" + p.completed);
        assertThat(console.get("/console/calls?retailer=" + p.retailer + "&to=2001-01-01").body())
                .contains("0 calls");

        // Only masked forms: the real numbers never, their redactions and the pool numbers yes.
        for (String page : List.of(mine, console.get("/console").body())) {
            assertThat(page).doesNotContain(p.retailerPhone, p.customerPhone, p.retailerPhone.substring(1),
                    p.customerPhone.substring(1));
        }
        assertThat(mine).contains(Redaction.redact(p.customerPhone), Redaction.redact(p.retailerPhone), "INR 16.00");
        // The live board shows the newest calls too.
        assertThat(console.get("/console").body()).contains("call-" + p.unanswered);
    }

    @Test
    void badFiltersAreExplainedWith400AndNeverA500() {
        console.signIn(OPERATOR_KEY);
        expectBad("/console/calls?status=bogus", "Status must be one of: queued, initiated");
        expectBad("/console/calls?from=yesterday", "From must be a date such as 2026-11-25.");
        expectBad("/console/calls?to=2026-02-30", "To must be a date such as 2026-11-25.");
        expectBad("/console/calls?from=2026-11-10&to=2026-11-01", "The date range ends before it starts");
        expectBad("/console/calls?page=0", "Page must be a whole number from 1 to 100000.");
        expectBad("/console/calls?page=abc", "Page must be a whole number");
        expectBad("/console/calls?retailer=" + Http.enc("no spaces<script>"), "Retailer must be a retailer id");
        expectBad("/console/calls?reference=" + Http.enc("a\u0000b"), "Order reference must be at most 128");
        expectBad("/console/calls?reference=" + "x".repeat(129), "Order reference must be at most 128");
        expectBad("/console/calls.csv?status=bogus", "Status must be one of");
        assertThat(console.get("/console/calls?from=0000-01-01").status()).isEqualTo(400);
        assertThat(console.get("/console/calls?status=&retailer=&from=&to=&page=").status()).isEqualTo(200);
    }

    @Test
    void theCsvExportHasTheFilteredCallsWithMaskedNumbersDurationAndCost() {
        console.signIn(OPERATOR_KEY);
        Placed p = placeTwoCalls();
        Console.Answer csv = console.get("/console/calls.csv?retailer=" + p.retailer);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).startsWith("text/csv");
        assertThat(csv.header("content-disposition")).isEqualTo("attachment; filename=\"callmask-calls.csv\"");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("call_id,created_at_utc,status,direction,retailer_id,order_reference,"
                + "caller_role,caller_number,caller_masked_number,callee_role,callee_number,callee_masked_number,"
                + "duration_seconds,cost,failure_reason");
        assertThat(lines).hasSize(3);
        String[] unanswered = lines.get(1).split(",", -1);
        String[] completed = lines.get(2).split(",", -1);
        assertThat(unanswered[0]).isEqualTo(p.unanswered);
        assertThat(completed[0]).isEqualTo(p.completed);
        assertThat(completed).containsSequence("completed", "click-to-call", p.retailer, p.order, "retailer",
                "'" + Redaction.redact(p.retailerPhone));
        assertThat(completed[9]).isEqualTo("customer");
        assertThat(completed[10]).isEqualTo("'" + Redaction.redact(p.customerPhone));
        assertThat(completed[11]).startsWith("'+9180471800");
        assertThat(Integer.parseInt(completed[12])).isBetween(61, 119);
        assertThat(completed[13]).isEqualTo("INR 16.00");
        assertThat(unanswered[2]).isEqualTo("no-answer");
        assertThat(unanswered[12]).isEmpty();
        assertThat(unanswered[13]).isEqualTo("INR 0.00");
        assertThat(csv.body()).doesNotContain(p.retailerPhone, p.customerPhone);

        Console.Answer narrowed = console.get("/console/calls.csv?retailer=" + p.retailer + "&status=completed");
        assertThat(narrowed.body().split("\r\n")).hasSize(2);
    }

    @Test
    void aCsvCellThatLooksLikeAFormulaIsExportedAsText() {
        console.signIn(OPERATOR_KEY);
        String retailerPhone = phone("busy", null);
        String customerPhone = phone("auto", null);
        String reference = "ref-" + System.nanoTime();
        String formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
        var created = api.post("/v1/sessions", """
                {"reference":"%s","parties":[
                  {"role":"retailer","id":"%s","number":"%s"},
                  {"role":"customer","id":"@SUM(A1)","number":"%s"}]}"""
                .formatted(reference, formula.replace("\"", "\\\""), retailerPhone, customerPhone));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode call = startCall(created.json().get("id").asString(), "retailer");
        awaitCallStatus(call.get("id").asString(), "busy");

        String body = console.get("/console/calls.csv?reference=" + reference).body();
        String row = body.split("\r\n")[1];
        assertThat(row).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",");
        // The page shows it as text, escaped.
        assertThat(console.get("/console/calls?reference=" + reference).body())
                .contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)");
    }

    @Test
    void thePoolAndAlertsPagesShowTheNumbersAndTheBlocks() {
        console.signIn(OPERATOR_KEY);
        String pool = console.get("/console/pool").body();
        for (String number : POOL) {
            assertThat(pool).contains("id=\"number-" + number.substring(1) + "\"");
        }
        assertThat(pool).contains("id=\"number-" + HUB.substring(1) + "\"", "<h2>Shortfalls</h2>");
        Console.Answer alerts = console.get("/console/alerts");
        assertThat(alerts.status()).isEqualTo(200);
        assertThat(alerts.body()).contains("<h2>Blocked retailers</h2>", "<h2>Latest alerts</h2>");
        Console.Answer unblock = console.send("DELETE", "/console/alerts/blocks/r-never-blocked", null);
        assertThat(unblock.status()).isEqualTo(200);
        assertThat(unblock.body()).contains("r-never-blocked was not blocked.");
    }

    // --- helpers -------------------------------------------------------------------------------

    record Placed(String retailer, String order, String retailerPhone, String customerPhone, String completed,
            String unanswered) {}

    /** One click-to-call answered for 70 s (16.00 INR, as CostScenarios prices it), then one unanswered. */
    Placed placeTwoCalls() {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 70.0);
        String retailer = retailer(retailerPhone);
        String order = order(retailer, customerPhone, "accepted");
        String completed = maskedCall(order, retailer);
        awaitCallStatus(completed, "completed");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                api.get("/v1/calls/" + completed).json().get("cost").get("amount").decimalValue().signum() > 0);
        phone(retailerPhone, "no-answer", null, null);
        String unanswered = maskedCall(order, retailer);
        awaitCallStatus(unanswered, "no-answer");
        return new Placed(retailer, order, retailerPhone, customerPhone, completed, unanswered);
    }

    String maskedCall(String order, String retailer) {
        var placed = api.post("/v1/masked-calls", """
                {"orderId":"%s","retailerId":"%s"}""".formatted(order, retailer));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("callId").asString();
    }

    void expectBad(String path, String message) {
        Console.Answer answer = console.get(path);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.header("content-type")).startsWith("text/html");
        assertThat(answer.body()).as(path).contains(message).contains("id=\"filter-error\"");
    }
}
