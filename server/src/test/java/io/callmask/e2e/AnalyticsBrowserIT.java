package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.support.Browser;
import io.callmask.support.OnH2;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.test.context.TestPropertySource;

/**
 * The analytics page in a real headless Chromium: an operator signs in, every chart is drawn (its
 * canvas holds its series' colour, not only axes), a narrower period updates the figures, an empty
 * period shows the empty state, and at a phone's width (390 px) the charts shrink to fit.
 * Screenshots land in target/screenshots.
 */
@OnH2
@TestPropertySource(properties = "callmask.costs.monthly-budget=20000")
class AnalyticsBrowserIT extends EndToEndTestBase {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    /** Each chart and the colour of its (first) series, as analytics.js draws them. */
    static final Map<String, int[]> CHARTS = Map.of("chart-calls", new int[] {46, 125, 50},
            "chart-minutes", new int[] {31, 111, 235}, "chart-cost", new int[] {142, 68, 173},
            "chart-retailers", new int[] {230, 126, 34});

    @Test
    void operatorSeesChartsChangesThePeriodAndSeesAnEmptyOne() throws Exception {
        // Calls on three days at noon in Kolkata (days never split by midnight), so the charts have days to show.
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        clock.advance(Duration.between(clock.instant(),
                clock.instant().atZone(kolkata).toLocalDate().plusDays(1).atTime(12, 0).atZone(kolkata).toInstant()));
        String shopPhone = phone("auto", null);
        String shop = retailer(shopPhone);
        String order = order(shop, phone("auto", 70.0), "accepted");
        String otherPhone = phone("auto", null);
        String other = retailer(otherPhone);
        String otherOrder = order(other, phone("auto", 20.0), "accepted");
        call(order, shop, "completed");
        call(otherOrder, other, "completed");
        clock.advance(Duration.ofDays(1));
        phone(shopPhone, "no-answer", null, null);
        call(order, shop, "no-answer");
        call(otherOrder, other, "completed");
        clock.advance(Duration.ofDays(1));
        phone(shopPhone, "auto", null, null);
        call(order, shop, "completed");
        LocalDate today = clock.instant().atZone(kolkata).toLocalDate();

        WebDriver page = BROWSER.driver();
        page.manage().window().setSize(new Dimension(1100, 1500));
        page.get("http://localhost:" + port + "/console/login");
        page.findElement(By.id("key")).sendKeys(OPERATOR_KEY);
        page.findElement(By.id("sign-in")).click();
        BROWSER.await().until(d -> d.getCurrentUrl().endsWith("/console"));
        page.findElement(By.linkText("Analytics")).click();
        awaitCharts();
        assertThat(text("card-calls")).isEqualTo("5");
        assertThat(text("card-answer-rate")).isEqualTo("80.0%");
        assertThat(page.findElement(By.id("from")).getAttribute("value")).isEqualTo(today.minusDays(29).toString());
        assertThat(page.findElements(By.cssSelector("#retailers tbody tr"))).hasSize(2);
        for (String chart : CHARTS.keySet()) {
            assertThat(seriesPixels(chart)).as(chart + " drew its series").isGreaterThan(50);
        }
        BROWSER.save("console-analytics");

        // Only today: one answered call.
        period(today, today);
        awaitCharts();
        assertThat(text("card-calls")).isEqualTo("1");
        assertThat(text("card-answer-rate")).isEqualTo("100.0%");
        assertThat(page.findElements(By.cssSelector("#retailers tbody tr"))).hasSize(1);

        // A period without calls: the empty state, no charts.
        period(today.minusYears(3), today.minusYears(3).plusDays(6));
        assertThat(page.findElement(By.id("empty")).getText()).contains("No calls from");
        assertThat(page.findElements(By.cssSelector("canvas"))).isEmpty();
        BROWSER.save("console-analytics-empty");

        // Too long a period: explained, not a crash.
        period(today.minusYears(3), today);
        assertThat(page.findElement(By.id("period-error")).getText()).isEqualTo("A period may span at most 366 days.");

        // Back to the last 30 days, then down to a phone's width: the charts follow their boxes.
        page.findElement(By.linkText("Last 30 days")).click();
        awaitCharts();
        long wide = canvasWidth("chart-calls");
        page.manage().window().setSize(new Dimension(390, 2600));
        await().atMost(Duration.ofSeconds(10)).until(() -> canvasWidth("chart-calls") < wide);
        for (String chart : CHARTS.keySet()) {
            assertThat(canvasWidth(chart)).as(chart).isLessThanOrEqualTo(390);
            assertThat(seriesPixels(chart)).as(chart + " redrew at phone width").isGreaterThan(20);
        }
        Object overflow = js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
        BROWSER.save("console-analytics-phone");
    }

    private void call(String order, String retailer, String status) {
        var placed = api.post("/v1/masked-calls", """
                {"orderId":"%s","retailerId":"%s"}""".formatted(order, retailer));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String id = placed.json().get("callId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var call = api.get("/v1/calls/" + id).json();
            return call.get("status").asString().equals(status) && call.get("legs").findValues("endedAt").stream()
                    .noneMatch(v -> v.isNull());
        });
    }

    private void period(LocalDate from, LocalDate to) {
        // Date inputs take keys in the browser's locale format; set their values as a date picker would.
        js("document.getElementById('from').value = arguments[0]; document.getElementById('to').value = arguments[1];",
                from.toString(), to.toString());
        BROWSER.driver().findElement(By.id("apply")).click();
        // Both ends: two periods in a row may start on the same day, and then "from" alone is already in the URL.
        BROWSER.await().until(d -> d.getCurrentUrl().contains("from=" + from) && d.getCurrentUrl().contains("to=" + to));
    }

    private void awaitCharts() {
        BROWSER.await().until(d -> "4".equals(d.findElement(By.id("charts")).getAttribute("data-drawn")));
    }

    private String text(String card) {
        return BROWSER.driver().findElement(By.cssSelector("#" + card + " .value")).getText();
    }

    private long canvasWidth(String chart) {
        return ((Number) js("return document.querySelector('#' + arguments[0] + ' canvas').getBoundingClientRect().width;",
                chart)).longValue();
    }

    /** Pixels of the chart's canvas in its series' colour: drawn bars, not merely axes and labels. */
    private long seriesPixels(String chart) {
        int[] rgb = CHARTS.get(chart);
        return ((Number) js("""
                var c = document.querySelector('#' + arguments[0] + ' canvas');
                if (!c) { return -1; }
                var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
                for (var i = 0; i < d.length; i += 4) {
                  if (Math.abs(d[i] - arguments[1]) < 3 && Math.abs(d[i + 1] - arguments[2]) < 3
                      && Math.abs(d[i + 2] - arguments[3]) < 3 && d[i + 3] > 250) { n++; }
                }
                return n;""", chart, rgb[0], rgb[1], rgb[2])).longValue();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) BROWSER.driver()).executeScript(script, args);
    }
}
