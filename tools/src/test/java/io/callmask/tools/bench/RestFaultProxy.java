package io.callmask.tools.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A TCP proxy in front of the carrier's REST API for {@code bench/faults.sh} (a benchmark tool, not a test): it
 * forwards bytes both ways, and on every chunk a client sends it reads the mode file, whose one word decides what
 * the carrier does now: {@code pass}; {@code slow} (each request waits 3 s before it is forwarded); {@code 500}
 * (answered {@code 500} in Twilio's error shape, then the connection is closed); {@code reset} (the connection is
 * reset, TCP RST). Checking per chunk rather than per connection reaches the kept-alive connections of an SDK's
 * pool too.
 *
 * <p>{@code java -cp … io.callmask.tools.bench.RestFaultProxy LISTEN_PORT UPSTREAM_HOST:PORT MODE_FILE}
 */
public final class RestFaultProxy {

    private static final byte[] ERROR_BODY = """
            {"code":20500,"message":"Internal Server Error","more_info":"https://www.twilio.com/docs/errors/20500",\
            "status":500}""".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ERROR = ("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + ERROR_BODY.length + "\r\nConnection: close\r\n\r\n" + new String(ERROR_BODY,
            StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

    private final String upstreamHost;
    private final int upstreamPort;
    private final Path modeFile;

    private RestFaultProxy(String upstreamHost, int upstreamPort, Path modeFile) {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.modeFile = modeFile;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !args[1].contains(":")) {
            System.err.println("usage: RestFaultProxy LISTEN_PORT UPSTREAM_HOST:PORT MODE_FILE");
            System.exit(2);
        }
        String[] upstream = args[1].split(":");
        var proxy = new RestFaultProxy(upstream[0], Integer.parseInt(upstream[1]), Path.of(args[2]));
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 200);
            System.out.println("rest fault proxy on " + server.getLocalPort() + " -> " + args[1]);
            while (true) {
                Socket client = server.accept();
                daemon(() -> proxy.serve(client));
            }
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private String mode() {
        try {
            return Files.readString(modeFile).trim().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "pass";
        }
    }

    private void serve(Socket client) {
        try (client; Socket upstream = new Socket(upstreamHost, upstreamPort)) {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            Thread back = daemon(() -> pump(upstream, client));
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) > 0) {
                switch (mode()) {
                    case "slow" -> Thread.sleep(3000);
                    case "500" -> {
                        client.getOutputStream().write(ERROR);
                        client.getOutputStream().flush();
                        return;
                    }
                    case "reset" -> {
                        client.setSoLinger(true, 0); // closing now sends RST
                        return;
                    }
                    default -> { }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            back.join(1000);
        } catch (IOException | InterruptedException e) {
            // the client or the upstream went away: nothing to tell anyone
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
