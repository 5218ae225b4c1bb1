package io.callmask.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Structured logging keeps the redaction: each format's JSON line, message, context and stack trace included. */
class RedactingStructuredLogEncoderTest {

    private static final String NUMBER = "+919876543210";

    @Test
    void everyFormatPrintsValidJsonWithNumbersMaskedAndTheCallId() {
        for (String format : new String[] {"ecs", "logstash", "gelf"}) {
            LoggerContext context = new LoggerContext();
            // Spring Boot puts its Environment there when it configures logging.
            context.putObject(org.springframework.core.env.Environment.class.getName(),
                    new org.springframework.mock.env.MockEnvironment().withProperty("spring.application.name", "callmask")
                            .withProperty("logging.structured.gelf.host", "callmask-test"));
            Logger logger = context.getLogger("io.callmask.test");
            RedactingStructuredLogEncoder encoder = new RedactingStructuredLogEncoder();
            encoder.setContext(context);
            encoder.setFormat(format);
            encoder.start();

            LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "Dialling {} now",
                    new IllegalStateException("carrier refused " + NUMBER,
                            new RuntimeException("cause names 9876543210")), new Object[] {NUMBER});
            event.setMDCPropertyMap(Map.of("call_id", "call_0123456789abcdef01234567", "leaked", NUMBER));

            String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
            JsonNode json = JsonMapper.builder().build().readTree(line);
            assertThat(line).as(format).doesNotContain("9876543210").contains("+91 98•••••210")
                    .contains("call_0123456789abcdef01234567").contains("carrier refused");
            assertThat(json.toString()).as(format + ": one JSON object per line").doesNotContain("Dialling {}");
            assertThat(line.strip()).doesNotContain("\n");
        }
    }
}
