package io.callmask.carrier.voice;

import io.callmask.carrier.CarrierException;
import io.callmask.carrier.RecordingMedia;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The JDK HTTP client as the REST adapters use it (those without an official SDK served here):
 * short connect timeout, redirects followed, and every failure turned into a {@link CarrierException}
 * that names the carrier and what was asked, never a number (a carrier's error text may quote one).
 */
public final class CarrierHttp {

    private final String carrier;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** @param carrier the carrier's name as people write it, e.g. {@code Plivo}, for messages */
    public CarrierHttp(String carrier) {
        this.carrier = carrier;
    }

    /** Sends {@code request}; whatever the status, the caller decides what it means. */
    public HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CarrierException(carrier + " could not be reached for " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException("interrupted", e);
        }
    }

    /**
     * A recording's audio, streamed; empty when the carrier answers one of {@code gone} (deleted, or a
     * link past its expiry). Any other status but 200 is a refusal.
     */
    public Optional<RecordingMedia> media(HttpRequest request, String defaultType, Set<Integer> gone) {
        try {
            HttpResponse<InputStream> audio = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (gone.contains(audio.statusCode()) || audio.statusCode() != 200) {
                audio.body().close();
                if (gone.contains(audio.statusCode())) {
                    return Optional.empty();
                }
                throw new CarrierException(carrier + " refused the recording (HTTP " + audio.statusCode() + ")", null);
            }
            return Optional.of(new RecordingMedia(audio.headers().firstValue("Content-Type").orElse(defaultType),
                    audio.headers().firstValueAsLong("Content-Length").orElse(-1), audio.body()));
        } catch (IOException e) {
            throw new CarrierException(carrier + "'s recording could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException("interrupted", e);
        }
    }
}
