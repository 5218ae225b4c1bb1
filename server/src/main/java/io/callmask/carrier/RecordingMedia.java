package io.callmask.carrier;

import java.io.IOException;
import java.io.InputStream;

/**
 * A recording's audio as the carrier serves it. The caller streams {@code content} on and closes it.
 *
 * @param contentType the carrier's media type, e.g. {@code audio/wav}
 * @param length bytes, or -1 when the carrier did not say
 */
public record RecordingMedia(String contentType, long length, InputStream content) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
