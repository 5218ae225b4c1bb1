package io.callmask.core.privacy;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m} with phone numbers masked; configured in {@code logback-spring.xml}. */
public class RedactingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogRedaction.redact(super.convert(event));
    }
}
