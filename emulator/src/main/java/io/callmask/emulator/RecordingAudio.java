package io.callmask.emulator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Stand-ins for a recording's media: valid audio files of silence, as long as the recording up to
 * {@value #MAX_SECONDS} s so that they stay small. WAV is 8 kHz 16-bit PCM like Twilio's; MP3 is a run of silent
 * MPEG-1 Layer III frames (32 kbit/s, 32 kHz), each a header followed by zeros.
 */
final class RecordingAudio {

    static final int MAX_SECONDS = 10;
    static final int SAMPLE_RATE = 8000;

    private static final int MP3_FRAME_BYTES = 144; // 144 * 32000 bit/s / 32000 Hz
    private static final int MP3_SAMPLES_PER_FRAME = 1152;
    private static final int MP3_SAMPLE_RATE = 32000;

    private RecordingAudio() {
    }

    static long cappedSeconds(long durationSeconds) {
        return Math.max(0, Math.min(durationSeconds, MAX_SECONDS));
    }

    static byte[] wav(long durationSeconds, int channels) {
        int blockAlign = channels * 2;
        int dataBytes = (int) (cappedSeconds(durationSeconds) * SAMPLE_RATE * blockAlign);
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) channels).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * blockAlign)
                .putShort((short) blockAlign).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        return b.array(); // the samples are the buffer's zeros: silence
    }

    static byte[] mp3(long durationSeconds, int channels) {
        long frames = Math.max(1, (cappedSeconds(durationSeconds) * MP3_SAMPLE_RATE + MP3_SAMPLES_PER_FRAME - 1)
                / MP3_SAMPLES_PER_FRAME);
        byte[] out = new byte[(int) frames * MP3_FRAME_BYTES];
        for (int f = 0; f < frames; f++) {
            int at = f * MP3_FRAME_BYTES;
            out[at] = (byte) 0xFF;
            out[at + 1] = (byte) 0xFB; // MPEG-1, Layer III, no CRC
            out[at + 2] = (byte) 0x18; // 32 kbit/s, 32 kHz, no padding
            out[at + 3] = (byte) (channels == 1 ? 0xC0 : 0x00); // mono, or stereo
        }
        return out;
    }
}
