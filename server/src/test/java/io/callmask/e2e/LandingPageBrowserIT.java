package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.Browser;
import io.callmask.support.Http;
import io.callmask.support.PhoneOnPage;
import io.callmask.support.TestNumbers;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The landing page's try-it in a real headless Chromium: the form places a masked call through the API,
 * and the two virtual phones on the page answer, show the caller ID and hang up, all by clicks.
 * Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "callmask.api-keys=" + LandingPageBrowserIT.API_KEY,
        "callmask.operator-keys=it-operator-key",
        "callmask.twilio.auth-token=it-auth-token",
        // Slow enough for a person (or a browser polling every 0.7 s) to answer: 30 s of real ringing.
        "emulator.time-scale=0.25",
        "callmask.calls.ring-timeout=120s",
        "callmask.pool=+918047180001,+918047180002,+918047180003,+918047180004,+918047180005",
        "callmask.hubs=+918047180099",
        "callmask.data-dir=target/it-data-browser",
        // The page always uses order "demo-order": a fresh database per run.
        "spring.datasource.url=jdbc:h2:mem:browser-${random.uuid};DB_CLOSE_DELAY=-1",
        "spring.main.banner-mode=off"})
class LandingPageBrowserIT {

    static final String API_KEY = "it-api-key";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @LocalServerPort
    int port;

    WebDriver page;
    Http api;

    @BeforeEach
    void open() {
        page = BROWSER.driver();
        api = new Http("http://localhost:" + port, API_KEY);
        page.get("http://localhost:" + port + "/");
    }

    @Test
    void retailerCallsCustomerAndEachPhoneSeesOnlyMaskedNumbers() throws Exception {
        String retailerPhone = TestNumbers.mobile();
        String customerPhone = TestNumbers.mobile();
        fill(API_KEY, retailerPhone, customerPhone);
        page.findElement(By.id("call-button")).click();

        BROWSER.await().until(d -> text("result").contains("Answer on the retailer's phone"));
        assertThat(page.findElement(By.id("result")).getAttribute("class")).doesNotContain("error");

        PhoneOnPage retailer = new PhoneOnPage(page.findElement(By.id("phone-retailer")), BROWSER);
        PhoneOnPage customer = new PhoneOnPage(page.findElement(By.id("phone-customer")), BROWSER);
        retailer.awaitState("ringing");
        String retailerSees = retailer.callerId();
        retailer.button("answer").click();
        customer.awaitState("ringing");
        String customerSees = customer.callerId();
        customer.button("answer").click();
        retailer.awaitState("in-call");
        customer.awaitState("in-call");
        BROWSER.save(getClass().getSimpleName() + "-in-call");

        Set<String> masked = maskedNumbers("demo-order");
        assertThat(retailerSees).isIn(masked).isNotEqualTo(customerPhone);
        assertThat(customerSees).isIn(masked).isNotEqualTo(retailerPhone);
        assertNoRealNumber(retailer, customerPhone);
        assertNoRealNumber(customer, retailerPhone);

        customer.button("hangup").click();
        retailer.awaitState("idle");
        customer.awaitState("idle");
        BROWSER.await().until(d -> retailer.lastCall().contains("completed") && customer.lastCall().contains("completed"));
        assertThat(customer.lastCall()).startsWith("from " + customerSees);
        assertThat(retailer.lastCall()).startsWith("from " + retailerSees);
        assertNoRealNumber(retailer, customerPhone);
        assertNoRealNumber(customer, retailerPhone);
    }

    @Test
    void aWrongApiKeyShowsAClearMessageAndRingsNobody() {
        fill("not-the-key", TestNumbers.mobile(), TestNumbers.mobile());
        page.findElement(By.id("call-button")).click();

        BROWSER.await().until(d -> "error".equals(page.findElement(By.id("result")).getAttribute("class")));
        assertThat(text("result")).isEqualTo("The API key is not valid.");
        assertThat(page.findElement(By.id("call-button")).isEnabled()).isTrue();
        assertThat(page.findElement(By.cssSelector("#phone-retailer .state")).getText()).isEqualToIgnoringCase("idle");
    }

    @Test
    void anInvalidNumberShowsAClearMessageAndChangesNothing() {
        String customerPhone = TestNumbers.mobile();
        String retailerBefore = api.get("/v1/retailers/demo-retailer").body();
        String ordersBefore = api.get("/v1/orders/demo-order").body();
        fill(API_KEY, "12", customerPhone);
        page.findElement(By.id("call-button")).click();

        BROWSER.await().until(d -> "error".equals(page.findElement(By.id("result")).getAttribute("class")));
        assertThat(text("result")).contains("is not a valid phone number").doesNotContain(customerPhone);
        assertThat(api.get("/v1/retailers/demo-retailer").body()).isEqualTo(retailerBefore);
        assertThat(api.get("/v1/orders/demo-order").body()).isEqualTo(ordersBefore);
        assertThat(page.findElement(By.cssSelector("#phone-customer .state")).getText()).isEqualToIgnoringCase("idle");
    }

    // --- helpers -------------------------------------------------------------------------------

    private void fill(String key, String retailerPhone, String customerPhone) {
        type("api-key", key);
        type("retailer-phone", retailerPhone);
        type("customer-phone", customerPhone);
    }

    private void type(String id, String value) {
        WebElement input = page.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private String text(String id) {
        return page.findElement(By.id(id)).getText();
    }





    /** Neither in E.164 nor as its bare ten digits may the other party's number appear on a phone. */
    private static void assertNoRealNumber(PhoneOnPage phone, String realNumber) {
        String shown = phone.text();
        assertThat(shown).doesNotContain(realNumber).doesNotContain(realNumber.substring(3));
    }

    private Set<String> maskedNumbers(String reference) {
        JsonNode sessions = api.get("/v1/sessions?reference=" + reference).json();
        assertThat(sessions.size()).isEqualTo(1);
        Set<String> masked = new HashSet<>();
        for (JsonNode party : sessions.get(0).get("parties")) {
            masked.add(party.get("maskedNumber").asString());
        }
        assertThat(masked).isNotEmpty().allMatch(n -> n.startsWith("+9180471800"));
        return masked;
    }
}
