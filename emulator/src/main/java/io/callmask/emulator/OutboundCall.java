package io.callmask.emulator;

import java.net.URI;

/** The parameters of a REST "create call" request, checked. Exactly one of {@code url} and {@code twiml} is set. */
record OutboundCall(String to, String from, URI url, String method, String twiml, StatusCallback statusCallback,
                    Double timeoutSeconds, Double timeLimitSeconds) {
}
