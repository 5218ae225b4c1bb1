package io.callmask.core.privacy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * Spring Boot's structured logging ({@code logging.structured.format.console}: {@code ecs}, {@code logstash},
 * {@code gelf}) with the same redaction as the text layout: the formatter sees the event with its message, the
 * logging context's values and every exception message (causes and suppressed ones included) passed through
 * {@link LogRedaction}. Only text is redacted, so numbers that are JSON values (times, ids) stay valid JSON.
 * Configured in {@code logback-spring.xml}.
 */
public class RedactingStructuredLogEncoder extends StructuredLogEncoder {

    @Override
    public byte[] encode(ILoggingEvent event) {
        return super.encode(redacted(event));
    }

    static ILoggingEvent redacted(ILoggingEvent event) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getMessage", "getFormattedMessage" -> LogRedaction.redact(event.getFormattedMessage());
            case "getArgumentArray" -> null; // the message above is already formatted
            case "getThrowableProxy" -> event.getThrowableProxy() == null ? null : redacted(event.getThrowableProxy());
            case "getMDCPropertyMap", "getMdc" -> redacted(event.getMDCPropertyMap());
            default -> invoke(method, event, args);
        };
        return (ILoggingEvent) Proxy.newProxyInstance(ILoggingEvent.class.getClassLoader(),
                new Class<?>[] {ILoggingEvent.class}, handler);
    }

    private static IThrowableProxy redacted(IThrowableProxy throwable) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getMessage" -> LogRedaction.redact(throwable.getMessage());
            case "getCause" -> throwable.getCause() == null ? null : redacted(throwable.getCause());
            case "getSuppressed" -> {
                IThrowableProxy[] suppressed = throwable.getSuppressed();
                if (suppressed == null) {
                    yield null;
                }
                IThrowableProxy[] out = new IThrowableProxy[suppressed.length];
                for (int i = 0; i < suppressed.length; i++) {
                    out[i] = redacted(suppressed[i]);
                }
                yield out;
            }
            default -> invoke(method, throwable, args);
        };
        return (IThrowableProxy) Proxy.newProxyInstance(IThrowableProxy.class.getClassLoader(),
                new Class<?>[] {IThrowableProxy.class}, handler);
    }

    private static Map<String, String> redacted(Map<String, String> context) {
        if (context == null || context.isEmpty()) {
            return context;
        }
        Map<String, String> out = new LinkedHashMap<>();
        context.forEach((k, v) -> out.put(k, LogRedaction.redact(v)));
        return out;
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
