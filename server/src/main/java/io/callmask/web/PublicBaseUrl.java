package io.callmask.web;

import io.callmask.core.config.CallmaskProperties;
import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The base URL carriers use to reach us: {@code callmask.public-base-url}, or
 * {@code http://localhost:<port>} once the server has a port. Webhook URLs are built from it and
 * signatures are checked against it, so behind a proxy it must be the outside URL.
 */
@Component
public class PublicBaseUrl implements ApplicationListener<WebServerInitializedEvent> {

    private final URI configured;
    private volatile String value;
    private volatile String local;

    public PublicBaseUrl(CallmaskProperties properties) {
        this.configured = properties.publicBaseUrl();
        this.value = configured == null ? null : stripSlash(configured.toString());
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a management server on its own port
        }
        local = "http://localhost:" + event.getWebServer().getPort();
        if (configured == null) {
            value = local;
        }
    }

    /** This instance's own address on the loopback interface, for in-process peers like the emulator. */
    public String local() {
        String v = local;
        if (v == null) {
            throw new IllegalStateException("the server has no port yet");
        }
        return v;
    }

    /** The base URL without a trailing slash. */
    public String get() {
        String v = value;
        if (v == null) {
            throw new IllegalStateException("the server has no port yet and callmask.public-base-url is unset");
        }
        return v;
    }

    /** An absolute URL for a path of ours, e.g. {@code /webhooks/twilio/voice}. */
    public String resolve(String path) {
        return get() + path;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
