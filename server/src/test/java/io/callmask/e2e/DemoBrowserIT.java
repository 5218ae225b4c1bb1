package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.core.number.Redaction;
import io.callmask.support.Browser;
import io.callmask.support.Http;
import io.callmask.support.PhoneOnPage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The demo marketplace in a real headless Chromium: the call button on a retailer's order list places
 * a masked call through {@code POST /v1/masked-calls} with a retailer token, and the two virtual phones
 * ring, answer, hang up and dial back, all by clicks. Every number a phone or the button shows is a
 * platform number. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "callmask.api-keys=" + DemoBrowserIT.API_KEY,
        "callmask.operator-keys=" + DemoBrowserIT.OPERATOR_KEY,
        "callmask.twilio.auth-token=it-auth-token",
        // Slow enough for a browser polling every 0.7 s to answer: 30 s of real ringing.
        "emulator.time-scale=0.25",
        "callmask.calls.ring-timeout=120s",
        "callmask.pool=+918047180001,+918047180002,+918047180003,+918047180004,+918047180005",
        "callmask.hubs=+918047180099",
        "callmask.data-dir=target/it-data-demo",
        // The demo's shop and orders have fixed ids: a fresh database per run.
        "spring.datasource.url=jdbc:h2:mem:demo-${random.uuid};DB_CLOSE_DELAY=-1",
        "spring.main.banner-mode=off"})
class DemoBrowserIT {

    static final String API_KEY = "it-api-key";
    static final String OPERATOR_KEY = "it-operator-key";
    static final Dimension LAPTOP = new Dimension(1280, 1000);
    static final String RETAILER_PHONE = "+919900010001";
    static final List<String> CUSTOMER_PHONES = List.of("+919900020001", "+919900020002", "+919900020003");

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @LocalServerPort
    int port;

    WebDriver page;
    Http api;
    Http phones;

    @BeforeEach
    void open() {
        page = BROWSER.driver();
        page.manage().window().setSize(LAPTOP);
        api = new Http("http://localhost:" + port, API_KEY);
        phones = new Http("http://localhost:" + port, null);
        page.get("http://localhost:" + port + "/demo");
        BROWSER.await().until(d -> "true".equals(page.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @AfterEach
    void putThePhonesDown() {
        // The next test starts with idle phones and open orders, whatever this one left behind.
        for (String number : List.of(RETAILER_PHONE, CUSTOMER_PHONES.get(0), CUSTOMER_PHONES.get(1),
                CUSTOMER_PHONES.get(2))) {
            phones.post("/emulator/phones/" + Http.enc(number) + "/hangup", "");
            phones.post("/emulator/phones/" + Http.enc(number) + "/reject", "");
        }
        for (String order : List.of("demo-1001", "demo-1002", "demo-1003")) {
            phones.put("/demo/api/orders/" + order + "/status", "{\"status\":\"out_for_delivery\"}");
        }
    }

    @Test
    void retailerCallsFromTheOrderListAndEachPhoneSeesOnlyMaskedNumbers() throws Exception {
        BROWSER.save("demo-orders");
        java.util.Set<String> earlier = callIds("demo-1001");
        callButton("demo-1001").click();

        PhoneOnPage retailer = new PhoneOnPage(page.findElement(By.id("phone-retailer")), BROWSER);
        PhoneOnPage customer = new PhoneOnPage(page.findElement(By.id("phone-customer")), BROWSER);
        retailer.awaitState("ringing");
        String retailerSees = retailer.callerId();
        String[] masked = maskedNumbers("demo-1001");
        assertThat(retailerSees).isEqualTo(masked[0]);
        // The button says which number is calling, in the redacted form people see everywhere.
        BROWSER.await().until(d -> "success".equals(host("demo-1001").getDomAttribute("state")));
        assertThat(status("demo-1001")).isEqualTo(
                "You'll get a call from " + Redaction.redact(retailerSees) + " now. Answer it to reach the customer.");

        retailer.button("answer").click();
        customer.awaitState("ringing");
        String customerSees = customer.callerId();
        assertThat(customerSees).isEqualTo(masked[1]);
        customer.button("answer").click();
        retailer.awaitState("in-call");
        customer.awaitState("in-call");
        BROWSER.save("demo-in-call");
        assertOnlyMaskedNumbers(retailer, customer);

        customer.button("hangup").click();
        retailer.awaitState("idle");
        customer.awaitState("idle");
        BROWSER.await().until(d -> retailer.lastCall().contains("completed") && customer.lastCall().contains("completed"));
        assertThat(customer.lastCall()).startsWith("from " + customerSees);
        assertThat(retailer.lastCall()).startsWith("from " + retailerSees);

        // The customer calls back the number it was shown, key by key on the dial pad.
        for (char key : customerSees.toCharArray()) {
            customer.element().findElement(By.cssSelector(".dial-pad button[data-key='" + key + "']")).click();
        }
        assertThat(customer.element().findElement(By.cssSelector(".dial-number")).getDomProperty("value")).isEqualTo(customerSees);
        customer.button("dial").click();
        retailer.awaitState("ringing");
        assertThat(retailer.callerId()).isEqualTo(retailerSees);
        retailer.button("answer").click();
        retailer.awaitState("in-call");
        BROWSER.save("DemoBrowserIT-dial-back-in-call");
        assertOnlyMaskedNumbers(retailer, customer);
        retailer.button("hangup").click();
        retailer.awaitState("idle");
        BROWSER.await().until(d -> customer.lastCall().startsWith("to " + customerSees) && customer.lastCall().contains("completed"));
        assertOnlyMaskedNumbers(retailer, customer);

        // The operator finds both calls in the console, with the duration and cost the API reports.
        java.util.Set<String> calls = callIds("demo-1001");
        calls.removeAll(earlier);
        assertThat(calls).as("the click-to-call and the call back").hasSize(2);
        page.get("http://localhost:" + port + "/console/login");
        page.findElement(By.id("key")).sendKeys(OPERATOR_KEY);
        page.findElement(By.id("sign-in")).click();
        BROWSER.await().until(d -> d.getCurrentUrl().endsWith("/console"));
        page.get("http://localhost:" + port + "/console/calls?reference=demo-1001");
        for (String id : calls) {
            BROWSER.await().until(d -> "completed".equals(api.get("/v1/calls/" + id).json().get("status").asString())
                    && api.get("/v1/calls/" + id).json().hasNonNull("cost"));
        }
        page.navigate().refresh();
        for (String id : calls) {
            JsonNode call = api.get("/v1/calls/" + id).json();
            WebElement row = page.findElement(By.id("call-" + call.get("id").asString()));
            assertThat(row.getDomAttribute("data-status")).isEqualTo("completed");
            int seconds = call.get("durationSeconds").asInt();
            assertThat(seconds).isPositive();
            assertThat(cell(row, "Duration")).isEqualTo(seconds / 60 + ":" + String.format("%02d", seconds % 60));
            assertThat(cell(row, "Cost")).isEqualTo(call.get("cost").get("currency").asString() + " "
                    + call.get("cost").get("amount").decimalValue().setScale(2).toPlainString());
            assertThat(row.getText()).doesNotContain(RETAILER_PHONE.substring(3));
            for (String customerPhone : CUSTOMER_PHONES) {
                assertThat(row.getText()).doesNotContain(customerPhone.substring(3));
            }
        }
        BROWSER.save("demo-call-in-console");
    }

    /** The ids of the calls in the order's session so far (none before its first call). */
    private java.util.Set<String> callIds(String reference) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode session : api.get("/v1/sessions?reference=" + reference).json()) {
            api.get("/v1/sessions/" + session.get("id").asString() + "/calls").json()
                    .forEach(c -> ids.add(c.get("id").asString()));
        }
        return ids;
    }

    private static String cell(WebElement row, String label) {
        return row.findElement(By.cssSelector("td[data-label='" + label + "']")).getText().strip();
    }

    @Test
    void aDoubleClickMakesExactlyOneCall() {
        int retailerCallsBefore = retailerCalls();
        WebElement button = callButton("demo-1002");
        // Twice within one task, before any answer could arrive; then a person's double click.
        ((JavascriptExecutor) page).executeScript("arguments[0].click(); arguments[0].click();", button);
        new Actions(page).doubleClick(button).perform();

        BROWSER.await().until(d -> "success".equals(host("demo-1002").getDomAttribute("state")));
        new PhoneOnPage(page.findElement(By.id("phone-retailer")), BROWSER).awaitState("ringing");
        JsonNode sessions = api.get("/v1/sessions?reference=demo-1002").json();
        assertThat(sessions.size()).isEqualTo(1);
        JsonNode calls = api.get("/v1/sessions/" + sessions.get(0).get("id").asString() + "/calls").json();
        assertThat(calls.size()).as(calls.toString()).isEqualTo(1);
        assertThat(retailerCalls()).isEqualTo(retailerCallsBefore + 1);
    }

    @Test
    void aCancelledOrderShowsTheErrorStateAndMakesNoCall() throws Exception {
        WebElement order = page.findElement(By.cssSelector("li.order[data-order-id='demo-1003']"));
        order.findElement(By.cssSelector("button[data-action=toggle]")).click();
        BROWSER.await().until(d -> order.findElement(By.cssSelector(".status")).getText().equalsIgnoreCase("cancelled"));
        assertThat(api.get("/v1/orders/demo-1003").json().get("status").asString()).isEqualTo("cancelled");
        int retailerCallsBefore = retailerCalls();

        callButton("demo-1003").click();

        BROWSER.await().until(d -> "error".equals(host("demo-1003").getDomAttribute("state")));
        assertThat(status("demo-1003"))
                .isEqualTo("This order is closed or cancelled, so its customer can no longer be called.");
        assertThat(callButton("demo-1003").isEnabled()).isFalse();
        BROWSER.save("demo-error");
        assertThat(api.get("/v1/sessions?reference=demo-1003").json().size()).isZero();
        assertThat(retailerCalls()).isEqualTo(retailerCallsBefore);

        // Reopened, the same button calls again.
        order.findElement(By.cssSelector("button[data-action=toggle]")).click();
        BROWSER.await().until(d -> "idle".equals(host("demo-1003").getDomAttribute("state")));
        assertThat(callButton("demo-1003").isEnabled()).isTrue();
    }

    @Test
    void theDemoFitsAPhoneScreen() throws Exception {
        page.manage().window().setSize(new Dimension(390, 844));
        page.navigate().refresh();
        BROWSER.await().until(d -> "true".equals(page.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        Number overflow = (Number) ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);

        callButton("demo-1001").click();
        PhoneOnPage retailer = new PhoneOnPage(page.findElement(By.id("phone-retailer")), BROWSER);
        retailer.awaitState("ringing");
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'start'});", retailer.element());
        assertThat(retailer.callerId()).isEqualTo(maskedNumbers("demo-1001")[0]);
        assertThat(retailer.button("answer").isDisplayed()).isTrue();
        BROWSER.save("demo-phone");
    }

    // --- helpers -------------------------------------------------------------------------------

    private WebElement host(String orderId) {
        return page.findElement(By.cssSelector("li.order[data-order-id='" + orderId + "'] callmask-call-button"));
    }

    private WebElement callButton(String orderId) {
        SearchContext shadow = host(orderId).getShadowRoot();
        return shadow.findElement(By.cssSelector("button"));
    }

    private String status(String orderId) {
        return host(orderId).getShadowRoot().findElement(By.cssSelector("[part=status]")).getText();
    }





    /** {retailer's masked number, customer's masked number} of the order's one session. */
    private String[] maskedNumbers(String reference) {
        JsonNode sessions = api.get("/v1/sessions?reference=" + reference).json();
        assertThat(sessions.size()).isEqualTo(1);
        String[] masked = new String[2];
        for (JsonNode party : sessions.get(0).get("parties")) {
            masked["retailer".equals(party.get("role").asString()) ? 0 : 1] = party.get("maskedNumber").asString();
        }
        assertThat(masked).allMatch(n -> n.startsWith("+9180471800"));
        return masked;
    }

    /** Neither phone ever shows the other party's real number, in E.164 or as its bare ten digits. */
    private static void assertOnlyMaskedNumbers(PhoneOnPage retailer, PhoneOnPage customer) {
        for (String customerPhone : CUSTOMER_PHONES) {
            assertThat(retailer.text()).doesNotContain(customerPhone).doesNotContain(customerPhone.substring(3));
        }
        assertThat(customer.text()).doesNotContain(RETAILER_PHONE).doesNotContain(RETAILER_PHONE.substring(3));
    }

    /** Calls the retailer's virtual phone has seen, as the emulator counts them. */
    private int retailerCalls() {
        return phones.get("/emulator/phones/" + Http.enc(RETAILER_PHONE)).json().get("calls").size();
    }
}
