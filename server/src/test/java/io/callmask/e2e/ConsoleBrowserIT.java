package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callmask.core.number.Redaction;
import io.callmask.support.Browser;
import io.callmask.support.Console;
import io.callmask.support.Http;
import io.callmask.support.TestNumbers;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator console in a real headless Chromium: sign in, watch the live page change when a
 * call happens (htmx's SSE extension swapping in what the server pushes), filter the history and
 * export it, read the pool, lift a block, and the live page at phone width (390 x 844).
 * Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "callmask.api-keys=" + ConsoleBrowserIT.API_KEY,
        "callmask.operator-keys=" + ConsoleBrowserIT.OPERATOR_KEY,
        "callmask.twilio.auth-token=it-auth-token",
        "emulator.time-scale=0.05",
        "callmask.pool=+918047180001,+918047180002,+918047180003,+918047180004,+918047180005",
        "callmask.hubs=+918047180099",
        "callmask.data-dir=target/it-data-console-browser",
        "callmask.abuse.short-call-burst.calls=3",
        "callmask.abuse.short-call-burst.window=30m",
        "callmask.abuse.short-call-burst.block-for=2h",
        "spring.datasource.url=jdbc:h2:mem:console-browser-${random.uuid};DB_CLOSE_DELAY=-1",
        "spring.main.banner-mode=off"})
class ConsoleBrowserIT {

    static final String API_KEY = "it-api-key";
    static final String OPERATOR_KEY = "it-operator-key";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @LocalServerPort
    int port;

    WebDriver page;
    Http api;
    Http emulator;
    String base;

    @BeforeEach
    void open() {
        page = BROWSER.driver();
        base = "http://localhost:" + port;
        api = new Http(base, API_KEY);
        emulator = new Http(base, null);
        page.manage().window().setSize(new Dimension(1280, 900));
        page.get(base + "/console");
        if (page.getCurrentUrl().endsWith("/console/login")) {
            page.findElement(By.id("key")).sendKeys(OPERATOR_KEY);
            page.findElement(By.id("sign-in")).click();
            BROWSER.await().until(ExpectedConditions.urlToBe(base + "/console"));
        }
    }

    @Test
    void aWrongKeyShowsAClearMessageAndTheOperatorKeySignsIn() {
        page.findElement(By.cssSelector("form.logout button")).click();
        BROWSER.await().until(ExpectedConditions.urlToBe(base + "/console/login"));
        page.findElement(By.id("key")).sendKeys("not-the-key");
        page.findElement(By.id("sign-in")).click();
        BROWSER.await().until(d -> !d.findElements(By.id("login-error")).isEmpty());
        assertThat(page.findElement(By.id("login-error")).getText()).isEqualTo("That key is not an operator key.");
        page.findElement(By.id("key")).sendKeys(OPERATOR_KEY);
        page.findElement(By.id("sign-in")).click();
        BROWSER.await().until(ExpectedConditions.urlToBe(base + "/console"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Live");
    }

    @Test
    void theLivePageShowsACallAsItHappens() throws Exception {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 3.0);
        String retailer = retailer(retailerPhone);
        String order = order(retailer, customerPhone);
        // The page is open before the call exists, and never reloads (the mark stays): what
        // follows arrives over the event stream.
        JavascriptExecutor js = (JavascriptExecutor) page;
        js.executeScript("window.stillTheSamePage = true;");
        String callId = maskedCall(order, retailer);

        By row = By.id("call-" + callId);
        BROWSER.await().until(d -> !d.findElements(row).isEmpty());
        BROWSER.await().until(d -> "completed".equals(d.findElement(row).getAttribute("data-status")));
        String text = page.findElement(row).getText();
        assertThat(text).contains(retailer, order, Redaction.redact(customerPhone), "INR");
        assertThat(page.getPageSource()).doesNotContain(retailerPhone, customerPhone);
        assertThat(js.executeScript("return window.stillTheSamePage === true;")).isEqualTo(true);
        assertThat(Integer.parseInt(page.findElement(By.id("calls-last-hour")).getText())).isPositive();
        BROWSER.save("console-live");
    }

    @Test
    void historyIsFilteredAndExported() throws Exception {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("auto", 2.0);
        String retailer = retailer(retailerPhone);
        String order = order(retailer, customerPhone);
        String answered = maskedCall(order, retailer);
        awaitStatus(answered, "completed");
        setPhone(retailerPhone, "busy", null);
        String busy = maskedCall(order, retailer);
        awaitStatus(busy, "busy");

        page.findElement(By.linkText("Calls")).click();
        page.findElement(By.id("f-retailer")).sendKeys(retailer);
        new Select(page.findElement(By.id("f-status"))).selectByVisibleText("busy");
        page.findElement(By.id("f-apply")).click();
        BROWSER.await().until(d -> d.getCurrentUrl().contains("status=busy"));
        assertThat(page.findElements(By.cssSelector("#history tbody tr"))).hasSize(1);
        assertThat(page.findElement(By.id("call-" + busy)).getAttribute("data-status")).isEqualTo("busy");
        assertThat(page.findElement(By.id("total")).getText()).isEqualTo("1 call, page 1 of 1");

        new Select(page.findElement(By.id("f-status"))).selectByVisibleText("any");
        page.findElement(By.id("f-apply")).click();
        BROWSER.await().until(d -> d.findElements(By.cssSelector("#history tbody tr")).size() == 2);
        BROWSER.save("console-calls");

        // The export link carries the same filters; fetch it with the browser's own cookie.
        String href = page.findElement(By.id("csv")).getAttribute("href");
        assertThat(href).isEqualTo(base + "/console/calls.csv?retailer=" + retailer);
        Console console = new Console(base);
        Cookie cookie = page.manage().getCookieNamed("callmask_console");
        console.useCookie("callmask_console=" + cookie.getValue());
        String csv = console.get(href.substring(base.length())).body();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains(answered, busy, "'" + Redaction.redact(customerPhone)).doesNotContain(customerPhone);
        assertThat(cookie.isHttpOnly()).isTrue();

        page.get(base + "/console/calls?from=2026-13-01");
        assertThat(page.findElement(By.id("filter-error")).getText()).isEqualTo("From must be a date such as 2026-11-25.");
    }

    @Test
    void thePoolPageShowsNumbersInUse() throws Exception {
        String retailerPhone = phone("auto", null);
        String retailer = retailer(retailerPhone);
        String order = order(retailer, phone("auto", 1.0));
        maskedCall(order, retailer);
        page.findElement(By.linkText("Pool")).click();
        BROWSER.await().until(ExpectedConditions.urlToBe(base + "/console/pool"));
        assertThat(page.findElement(By.id("pool-numbers")).getText()).isEqualTo("5");
        assertThat(page.findElement(By.id("pool-hubs")).getText()).isEqualTo("1");
        assertThat(Integer.parseInt(page.findElement(By.id("pool-in-use")).getText())).isGreaterThanOrEqualTo(1);
        assertThat(page.findElements(By.cssSelector("#numbers tbody tr"))).hasSize(6);
        BROWSER.save("console-pool");
    }

    @Test
    void anOperatorLiftsABlockFromTheAlertsPage() throws Exception {
        String retailerPhone = phone("auto", null);
        String customerPhone = phone("busy", null);
        String retailer = retailer(retailerPhone);
        String order = order(retailer, customerPhone);
        for (int i = 0; i < 3; i++) {
            awaitStatus(maskedCall(order, retailer), "busy");
        }
        Http operator = new Http(base, OPERATOR_KEY);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                operator.get("/v1/retailers/" + retailer + "/block").json().get("blocked").asBoolean());

        page.findElement(By.linkText("Alerts")).click();
        By block = By.id("block-" + retailer);
        BROWSER.await().until(d -> !d.findElements(block).isEmpty());
        assertThat(page.findElement(block).getText()).contains("short-call-burst");
        assertThat(page.findElement(By.id("alerts")).getText()).contains(retailer, "short-call-burst");
        BROWSER.save("console-alerts");

        page.findElement(block).findElement(By.cssSelector("button.unblock")).click();
        BROWSER.await().until(ExpectedConditions.alertIsPresent()).accept();
        BROWSER.await().until(d -> d.findElements(block).isEmpty()
                && d.findElement(By.cssSelector("tr.unblocked")).getText().equals("Unblocked " + retailer + "."));
        assertThat(operator.get("/v1/retailers/" + retailer + "/block").json().get("blocked").asBoolean()).isFalse();
        assertThat(api.get("/v1/events?type=abuse.unblocked&limit=10").body()).contains(retailer, "operator:");
    }

    @Test
    void theLivePageFitsAPhone() throws Exception {
        String retailer = retailer(phone("auto", null));
        maskedCall(order(retailer, phone("auto", 1.0)), retailer);
        page.manage().window().setSize(new Dimension(390, 844));
        page.get(base + "/console");
        BROWSER.await().until(d -> !d.findElements(By.cssSelector("#live-calls tbody tr")).isEmpty());
        assertFitsTheScreen();
        BROWSER.save("console-phone");
        for (String other : new String[] {"calls", "pool", "alerts"}) {
            page.get(base + "/console/" + other);
            assertFitsTheScreen();
            BROWSER.save("console-phone-" + other);
        }
    }

    private void assertFitsTheScreen() {
        long width = (Long) ((JavascriptExecutor) page).executeScript("return document.documentElement.scrollWidth;");
        long viewport = (Long) ((JavascriptExecutor) page).executeScript("return window.innerWidth;");
        assertThat(width).as("no sideways scrolling of the page itself").isLessThanOrEqualTo(viewport);
    }

    // --- helpers -------------------------------------------------------------------------------

    String phone(String mode, Double hangupAfterSeconds) {
        return setPhone(TestNumbers.mobile(), mode, hangupAfterSeconds);
    }

    String setPhone(String number, String mode, Double hangupAfterSeconds) {
        var r = emulator.put("/emulator/phones/" + Http.enc(number), """
                {"answer":"%s","answerAfterSeconds":1,"hangupAfterSeconds":%s,"pendingDigits":null}"""
                .formatted(mode, hangupAfterSeconds));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return number;
    }

    String retailer(String phone) {
        String id = "r-" + phone.substring(4);
        assertThat(api.put("/v1/retailers/" + id, """
                {"name":"Shop %s","phone":"%s"}""".formatted(id, phone)).status()).isIn(200, 201);
        return id;
    }

    String order(String retailer, String customerPhone) {
        String id = "o-" + customerPhone.substring(6);
        var r = api.put("/v1/orders/" + id, """
                {"retailerId":"%s","customerPhone":"%s","status":"accepted"}""".formatted(retailer, customerPhone));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return id;
    }

    String maskedCall(String order, String retailer) {
        var placed = api.post("/v1/masked-calls", """
                {"orderId":"%s","retailerId":"%s"}""".formatted(order, retailer));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("callId").asString();
    }

    void awaitStatus(String callId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/v1/calls/" + callId).json().get("status").asString().equals(status));
    }
}
