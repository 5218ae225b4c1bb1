package io.callmask.core.privacy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} (a stack trace set off by blank lines) with phone numbers masked in
 * exception messages, causes included; configured in {@code logback-spring.xml}.
 */
public class RedactingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogRedaction.redact(super.convert(event));
    }
}
