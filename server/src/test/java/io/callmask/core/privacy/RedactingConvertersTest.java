package io.callmask.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class RedactingConvertersTest {

    private static LoggingEvent event(String message, Throwable thrown, Object... args) {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("test");
        return new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, thrown, args);
    }

    private static String message(String text, Object... args) {
        var converter = new RedactingMessageConverter();
        converter.start();
        return converter.convert(event(text, null, args));
    }

    @Test
    void e164NumbersInTheMessageAndItsArgumentsAreMasked() {
        assertThat(message("dialling {} for {}", "+919876543210", "order o-1"))
                .isEqualTo("dialling +91 98•••••210 for order o-1");
        assertThat(message("from +14155550100 to +918047180001"))
                .isEqualTo("from +1 41•••••100 to +91 80•••••001");
    }

    @Test
    void longDigitRunsAndSpacedNationalFormsAreMasked() {
        assertThat(message("customer 9876543210 called")).isEqualTo("customer 98•••••210 called");
        assertThat(message("customer 98765 43210 called")).isEqualTo("customer 98•••••210 called");
        assertThat(message("+91 98765 43210")).isEqualTo("+91 98•••••210");
        assertThat(message("PUT /emulator/phones/%2B919876543210/dial")).isEqualTo("PUT /emulator/phones/+91 98•••••210/dial");
    }

    @Test
    void ordinaryTextIdsTimesAndShortNumbersStayAsTheyAre() {
        String plain = "Expired 12 session(s) at 2026-11-25T06:50:12Z; call CA0a1b2c3d, order o-12345, HTTP 503, 1500 ms";
        assertThat(message(plain)).isEqualTo(plain);
        assertThat(message("ses_0123456789abcdef01234567")).isEqualTo("ses_0123456789abcdef01234567");
    }

    @Test
    void exceptionMessagesAndCausesInTheStackTraceAreMasked() {
        var converter = new RedactingThrowableConverter();
        converter.start();
        var thrown = new IllegalStateException("cannot reach +919876543210",
                new IllegalArgumentException("bad number 9876543210"));

        String trace = converter.convert(event("failed", thrown));

        assertThat(trace).contains("cannot reach +91 98•••••210").contains("bad number 98•••••210")
                .doesNotContain("9876543210").contains("at io.callmask.core.privacy.RedactingConvertersTest");
    }
}
