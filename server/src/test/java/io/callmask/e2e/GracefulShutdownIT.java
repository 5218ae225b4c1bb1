package io.callmask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.callmask.support.App;
import io.callmask.support.TestNumbers;
import io.callmask.support.TwilioSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown: a webhook already being received when the instance is told to stop is answered in full;
 * only then does the port close. The request's body is sent in two halves around the shutdown, so the request is
 * certainly in flight when it begins.
 */
class GracefulShutdownIT {

    @Test
    void aWebhookInFlightWhenShutdownBeginsIsStillAnswered() throws Exception {
        App app = App.start(null, "--callmask.data-dir=./target/it-data/graceful-" + System.nanoTime());
        int port = Integer.parseInt(app.api.base().substring(app.api.base().lastIndexOf(':') + 1));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA" + "4".repeat(32));
        params.put("AccountSid", "AC" + "0".repeat(32));
        params.put("From", TestNumbers.mobile());
        params.put("To", "+918047180001");
        params.put("CallStatus", "ringing");
        params.put("Direction", "inbound");
        String body = params.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String signature = TwilioSigner.sign(App.AUTH_TOKEN, app.api.base() + "/webhooks/twilio/voice", params);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        CompletableFuture<Void> stopped;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/twilio/voice HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: " + signature + "\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            Thread.sleep(300); // the request is being read

            stopped = CompletableFuture.runAsync(app::close);
            Thread.sleep(1_000);
            assertThat(stopped).as("shutdown waits for the request in flight").isNotDone();
            assertThat(refused(port)).as("no new connections while it drains").isTrue();

            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            out.flush();
            String answer = read(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 200").contains("<Say>").contains("<Hangup/>");
        }
        stopped.get(30, TimeUnit.SECONDS);
    }

    private static boolean refused(int port) {
        try (Socket probe = new Socket("localhost", port)) {
            probe.setSoTimeout(1_000);
            probe.getOutputStream().write("GET /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = read(probe.getInputStream());
            return !answer.startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return true;
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
