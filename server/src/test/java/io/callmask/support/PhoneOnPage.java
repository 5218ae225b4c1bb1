package io.callmask.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A virtual phone as the landing page and the demo draw it ({@code static/virtual-phone.js}): its
 * state, the caller ID on its screen, its buttons and its call history, for browser tests.
 */
public record PhoneOnPage(WebElement element, Browser browser) {

    public void awaitState(String state) {
        browser.await().until(d -> state.equals(element.getDomAttribute("data-state")));
    }

    public String callerId() {
        return element.findElement(By.cssSelector(".caller-id")).getText();
    }

    public WebElement button(String action) {
        return element.findElement(By.cssSelector("button[data-action='" + action + "']"));
    }

    /** The newest line of the phone's call history, e.g. {@code from +918047180004 · completed · 3 s}. */
    public String lastCall() {
        // Read in one script: the page redraws the history as calls progress, so an item found by one
        // command may be gone (stale) by the next.
        Object text = ((JavascriptExecutor) browser.driver()).executeScript(
                "const items = arguments[0].querySelectorAll('.history li');"
                        + " return items.length ? items[items.length - 1].innerText : '';", element);
        return text == null ? "" : text.toString().strip();
    }

    /** Everything the phone shows. */
    public String text() {
        return element.getText();
    }
}
