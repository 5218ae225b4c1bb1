package io.callmask.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises callmask's flight recording over one phase of {@link RoutingLoad} (a benchmark tool,
 * not a test): where the Java threads' CPU went (execution samples, attributed to the nearest
 * component frame from the leaf up), the hottest methods, time the request threads spent waiting
 * for PostgreSQL (socket reads under pgjdbc, split by the callmask method that issued them),
 * connection-pool waits, GC pauses and GC CPU (from the -Xlog:gc+cpu log), JIT activity and the
 * JVM's CPU load.
 *
 * <p>Arguments: {@code --jfr=FILE --marks=FILE --phase=NAME --requests=N [--gclog=FILE]}.
 */
public final class JfrSummary {

    private JfrSummary() {}

    /** Component markers, checked per frame from the leaf towards the root; the first match wins. */
    private static final String[][] MARKERS = {
        {"org.springframework.boot.loader.", "class/resource look-ups (class loader, fat-jar, JAXP/ServiceLoader)"},
        {"jdk.internal.loader.", "class/resource look-ups (class loader, fat-jar, JAXP/ServiceLoader)"},
        {"java.lang.ClassLoader", "class/resource look-ups (class loader, fat-jar, JAXP/ServiceLoader)"},
        {"java.net.URLClassLoader", "class/resource look-ups (class loader, fat-jar, JAXP/ServiceLoader)"},
        {"java.util.ServiceLoader", "class/resource look-ups (class loader, fat-jar, JAXP/ServiceLoader)"},
        {"javax.xml.", "class/resource look-ups (class loader, fat-jar, JAXP/ServiceLoader)"},
        {"jdk.xml.internal.", "class/resource look-ups (class loader, fat-jar, JAXP/ServiceLoader)"},
        {"com.twilio.security.", "signature check (RequestValidator, HMAC-SHA1)"},
        {"io.callmask.carrier.twilio.TwilioSignatureFilter", "signature check (filter: URL, body parameters)"},
        {"com.twilio.twiml.", "TwiML rendering (SDK builders, XML)"},
        {"io.callmask.carrier.twilio.Twiml", "TwiML rendering (SDK builders, XML)"},
        {"org.postgresql.", "SQL client side (pgjdbc, Hikari, Spring JDBC/tx, repositories)"},
        {"com.zaxxer.hikari.", "SQL client side (pgjdbc, Hikari, Spring JDBC/tx, repositories)"},
        {"org.springframework.jdbc.", "SQL client side (pgjdbc, Hikari, Spring JDBC/tx, repositories)"},
        {"org.springframework.transaction.", "SQL client side (pgjdbc, Hikari, Spring JDBC/tx, repositories)"},
        {"io.callmask.core.call.Calls", "SQL client side (pgjdbc, Hikari, Spring JDBC/tx, repositories)"},
        {"io.callmask.core.session.Sessions", "SQL client side (pgjdbc, Hikari, Spring JDBC/tx, repositories)"},
        {"io.callmask.core.event.Events", "SQL client side (pgjdbc, Hikari, Spring JDBC/tx, repositories)"},
        {"io.callmask.core.pool.Pool", "SQL client side (pgjdbc, Hikari, Spring JDBC/tx, repositories)"},
        {"ch.qos.logback.", "logging (logback, one INFO line per dial-in)"},
        {"org.slf4j.", "logging (logback, one INFO line per dial-in)"},
        {"io.callmask.", "callmask domain and controller code"},
        {"org.springframework.aop.", "HTTP stack (Tomcat, servlet filters, Spring MVC)"},
        {"org.springframework.web.", "HTTP stack (Tomcat, servlet filters, Spring MVC)"},
        {"org.springframework.http.", "HTTP stack (Tomcat, servlet filters, Spring MVC)"},
        {"org.springframework.boot.", "HTTP stack (Tomcat, servlet filters, Spring MVC)"},
        {"org.springframework.security.", "HTTP stack (Tomcat, servlet filters, Spring MVC)"},
        {"jakarta.servlet.", "HTTP stack (Tomcat, servlet filters, Spring MVC)"},
        {"org.apache.catalina.", "HTTP stack (Tomcat, servlet filters, Spring MVC)"},
        {"org.apache.coyote.", "HTTP stack (Tomcat, servlet filters, Spring MVC)"},
        {"org.apache.tomcat.", "HTTP stack (Tomcat, servlet filters, Spring MVC)"},
        {"io.micrometer.", "metrics/observation (Micrometer)"},
    };

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        String phase = opts.get("phase");
        long from = 0;
        long to = Long.MAX_VALUE;
        for (String line : Files.readAllLines(Path.of(opts.get("marks")))) {
            String[] f = line.split(",");
            if (f[0].equals(phase)) {
                from = Long.parseLong(f[1]);
                to = Long.parseLong(f[2]);
            }
        }
        if (from == 0) {
            throw new IllegalArgumentException("phase " + phase + " not in " + opts.get("marks"));
        }
        long requests = Long.parseLong(opts.getOrDefault("requests", "0"));
        double seconds = (to - from) / 1000.0;

        Map<String, Integer> buckets = new LinkedHashMap<>();
        Map<String, Integer> hot = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        Map<String, Integer> lookupCallers = new HashMap<>();
        Map<String, double[]> sqlWait = new LinkedHashMap<>();
        double[] poolWait = new double[2];
        double[] gc = new double[3]; // count, sum of pauses ms, longest ms
        double[] jit = new double[2];
        List<double[]> cpuLoad = new ArrayList<>();
        int samples = 0;

        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(opts.get("jfr")))) {
            long t = e.getStartTime().toEpochMilli();
            if (t < from || t > to) {
                continue;
            }
            String type = e.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    RecordedStackTrace st = e.getStackTrace();
                    String thread = e.getThread("sampledThread") == null ? "?"
                            : e.getThread("sampledThread").getJavaName();
                    threads.merge(threadGroup(thread), 1, Integer::sum);
                    if (st == null || st.getFrames().isEmpty()) {
                        buckets.merge("(no stack)", 1, Integer::sum);
                        continue;
                    }
                    RecordedFrame top = st.getFrames().get(0);
                    hot.merge(name(top), 1, Integer::sum);
                    buckets.merge(bucket(st, thread), 1, Integer::sum);
                    for (String[] inc : INCLUSIVE) {
                        if (has(st, inc[0])) {
                            inclusive.merge(inc[1], 1, Integer::sum);
                        }
                    }
                    if (has(st, "org.springframework.boot.loader.") || has(st, "java.lang.ClassLoader.")
                            || has(st, "java.util.ServiceLoader") || has(st, "jdk.internal.loader.")) {
                        String caller = "?";
                        for (RecordedFrame f : st.getFrames()) {
                            if (f.getMethod() != null && f.getMethod().getType() != null
                                    && !isLibraryOrJdk(f.getMethod().getType().getName())) {
                                caller = name(f);
                                break;
                            }
                        }
                        lookupCallers.merge(caller, 1, Integer::sum);
                    }
                }
                case "jdk.SocketRead" -> {
                    RecordedStackTrace st = e.getStackTrace();
                    if (st != null && has(st, "org.postgresql.")) {
                        double ms = e.getDuration().toNanos() / 1e6;
                        double[] acc = sqlWait.computeIfAbsent(sqlSite(st), k -> new double[2]);
                        acc[0]++;
                        acc[1] += ms;
                    }
                }
                case "jdk.ThreadPark" -> {
                    RecordedStackTrace st = e.getStackTrace();
                    if (st != null && has(st, "com.zaxxer.hikari.pool.HikariPool.getConnection")) {
                        poolWait[0]++;
                        poolWait[1] += e.getDuration().toNanos() / 1e6;
                    }
                }
                case "jdk.GarbageCollection" -> {
                    double pause = e.getDuration("sumOfPauses").toNanos() / 1e6;
                    gc[0]++;
                    gc[1] += pause;
                    gc[2] = Math.max(gc[2], e.getDuration("longestPause").toNanos() / 1e6);
                }
                case "jdk.Compilation" -> {
                    jit[0]++;
                    jit[1] += e.getDuration().toNanos() / 1e6;
                }
                case "jdk.CPULoad" -> cpuLoad.add(new double[] {e.getFloat("jvmUser"), e.getFloat("jvmSystem"),
                    e.getFloat("machineTotal")});
                default -> { }
            }
        }

        System.out.printf(Locale.ROOT, "%n== callmask flight recording, phase %s (%.1f s, %d requests) ==%n", phase,
                seconds, requests);
        if (!cpuLoad.isEmpty()) {
            double u = cpuLoad.stream().mapToDouble(a -> a[0]).average().orElse(0);
            double s = cpuLoad.stream().mapToDouble(a -> a[1]).average().orElse(0);
            double m = cpuLoad.stream().mapToDouble(a -> a[2]).average().orElse(0);
            System.out.printf(Locale.ROOT, "JVM CPU load (jdk.CPULoad, share of all cores): user %.0f%% + system %.0f%%"
                    + " = %.2f cores; whole machine %.0f%%%n", 100 * u, 100 * s, 2 * (u + s), 100 * m);
        }
        System.out.printf(Locale.ROOT, "Execution samples on Java threads: %d (JFR samples running Java code only; "
                + "GC and JIT threads are not in them)%n", samples);
        System.out.println("By component (leaf-most matching frame; JDK frames go to the component that called them):");
        final int total = samples;
        buckets.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(b -> System.out.printf(
                Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * b.getValue() / total, b.getValue(), b.getKey()));
        System.out.println("By thread:");
        threads.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8).forEach(b -> System.out
                .printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * b.getValue() / total, b.getValue(), b.getKey()));
        System.out.println("Inclusive (share of samples with this frame anywhere on the stack):");
        for (String[] inc : INCLUSIVE) {
            int c = inclusive.getOrDefault(inc[1], 0);
            System.out.printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * c / total, c, inc[1]);
        }
        System.out.println("Who triggers class/resource look-ups (first non-JDK, non-loader frame from the leaf):");
        lookupCallers.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8).forEach(h -> System.out
                .printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * h.getValue() / total, h.getValue(), h.getKey()));
        System.out.println("Hottest methods (top frame):");
        hot.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25).forEach(h -> System.out
                .printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * h.getValue() / total, h.getValue(), h.getKey()));

        System.out.println("Waiting for PostgreSQL (jdk.SocketRead under pgjdbc, threshold 0; by the statement's caller):");
        double waitTotal = 0;
        for (var w : sqlWait.entrySet()) {
            waitTotal += w.getValue()[1];
            System.out.printf(Locale.ROOT, "  %-44s reads %7.0f  total %9.1f ms  per request %6.3f ms  mean %6.3f ms%n",
                    w.getKey(), w.getValue()[0], w.getValue()[1], requests == 0 ? 0 : w.getValue()[1] / requests,
                    w.getValue()[1] / w.getValue()[0]);
        }
        System.out.printf(Locale.ROOT, "  %-44s                     total %9.1f ms  per request %6.3f ms%n", "all",
                waitTotal, requests == 0 ? 0 : waitTotal / requests);
        System.out.printf(Locale.ROOT, "Hikari connection waits (jdk.ThreadPark >= threshold in HikariPool.getConnection): "
                + "%.0f, total %.1f ms%n", poolWait[0], poolWait[1]);
        System.out.printf(Locale.ROOT, "GC: %.0f collections, pauses total %.1f ms (%.2f%% of wall), longest %.2f ms%n",
                gc[0], gc[1], 100 * gc[1] / (seconds * 1000), gc[2]);
        if (opts.containsKey("gclog")) {
            gcCpu(Path.of(opts.get("gclog")), from, to);
        }
        System.out.printf(Locale.ROOT, "JIT: %.0f compilations in the phase, %.0f ms compiling%n", jit[0], jit[1]);
    }

    private static String bucket(RecordedStackTrace st, String thread) {
        for (RecordedFrame f : st.getFrames()) {
            if (f.getMethod() == null || f.getMethod().getType() == null) {
                continue;
            }
            String cls = f.getMethod().getType().getName();
            for (String[] m : MARKERS) {
                if (cls.startsWith(m[0])) {
                    return m[1];
                }
            }
        }
        return "other: " + threadGroup(thread);
    }

    private static String sqlSite(RecordedStackTrace st) {
        if (has(st, "org.springframework.jdbc.datasource.DataSourceTransactionManager.doCommit")) {
            return "commit (dial-in transaction)";
        }
        for (RecordedFrame f : st.getFrames()) {
            if (f.getMethod() == null || f.getMethod().getType() == null) {
                continue;
            }
            String cls = f.getMethod().getType().getName();
            String m = f.getMethod().getName();
            if (cls.startsWith("io.callmask.") && !cls.contains("$$")) {
                return cls.substring(cls.lastIndexOf('.') + 1) + "." + m;
            }
        }
        for (RecordedFrame f : st.getFrames()) {
            if (f.getMethod() != null && f.getMethod().getType() != null
                    && f.getMethod().getType().getName().startsWith("com.zaxxer.hikari.")) {
                String cls = f.getMethod().getType().getName();
                return "Hikari (" + cls.substring(cls.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + ")";
            }
        }
        return "other";
    }

    /** Frames whose share of samples (anywhere on the stack: inclusive time) is printed. */
    private static final String[][] INCLUSIVE = {
        {"org.apache.coyote.http11.Http11Processor.service", "Tomcat request processing (everything below it)"},
        {"io.callmask.carrier.twilio.TwilioSignatureFilter.doFilterInternal", "signature filter incl. the chain"},
        {"com.twilio.security.RequestValidator.validate", "RequestValidator.validate (HMAC)"},
        {"org.apache.catalina.connector.Request.parseParameters", "form parameter parsing (Tomcat)"},
        {"org.springframework.web.servlet.DispatcherServlet.doDispatch", "Spring MVC dispatch (incl. controller)"},
        {"io.callmask.carrier.twilio.TwilioWebhookController.voice", "controller voice() (incl. service, TwiML)"},
        {"io.callmask.core.calling.CallService.dialIn", "CallService.dialIn (routing + inserts)"},
        {"io.callmask.core.call.Calls.findByLegSid", "Calls.findByLegSid"},
        {"io.callmask.core.session.Sessions.findOpenByPair", "Sessions.findOpenByPair"},
        {"org.springframework.transaction.support.TransactionTemplate.execute", "TransactionTemplate (inserts+commit)"},
        {"com.zaxxer.hikari.pool.HikariPool.getConnection", "HikariPool.getConnection"},
        {"org.postgresql.", "pgjdbc (any frame)"},
        {"io.callmask.carrier.twilio.Twiml.dial", "Twiml.dial (TwiML rendering)"},
        {"com.twilio.twiml.TwiML.toXml", "TwiML.toXml"},
        {"javax.xml.transform.TransformerFactory.newInstance", "TransformerFactory.newInstance (JAXP look-up)"},
        {"javax.xml.parsers.DocumentBuilderFactory.newInstance", "DocumentBuilderFactory.newInstance (JAXP look-up)"},
        {"org.springframework.boot.loader.", "fat-jar class/resource look-ups (any frame)"},
        {"ch.qos.logback.", "logback (any frame)"},
        {"io.micrometer.", "Micrometer observation (any frame)"},
    };

    private static boolean isLibraryOrJdk(String cls) {
        return cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.") || cls.startsWith("com.sun.")
                || cls.startsWith("javax.") || cls.startsWith("org.springframework.boot.loader.");
    }

    private static boolean has(RecordedStackTrace st, String prefix) {
        for (RecordedFrame f : st.getFrames()) {
            if (f.getMethod() != null && f.getMethod().getType() != null
                    && (f.getMethod().getType().getName() + "." + f.getMethod().getName()).startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String name(RecordedFrame f) {
        if (f.getMethod() == null || f.getMethod().getType() == null) {
            return "?";
        }
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String threadGroup(String thread) {
        return thread.replaceAll("-?\\d+$", "-N").replaceAll("\\d+", "N");
    }

    private static final Pattern GC_LINE = Pattern.compile(
            "^\\[([^\\]]+)\\].*User=([0-9.]+)s Sys=([0-9.]+)s Real=([0-9.]+)s");

    /** Sums the GC worker CPU that -Xlog:gc+cpu reports per collection, inside the window. */
    private static void gcCpu(Path log, long from, long to) throws IOException {
        double user = 0;
        double sys = 0;
        double real = 0;
        int n = 0;
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        for (String line : Files.readAllLines(log)) {
            Matcher m = GC_LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            long t;
            try {
                t = OffsetDateTime.parse(m.group(1), fmt).toInstant().toEpochMilli();
            } catch (RuntimeException e) {
                continue;
            }
            if (t < from || t > to) {
                continue;
            }
            n++;
            user += Double.parseDouble(m.group(2));
            sys += Double.parseDouble(m.group(3));
            real += Double.parseDouble(m.group(4));
        }
        System.out.printf(Locale.ROOT, "GC CPU (-Xlog:gc+cpu): %d collections, user %.2f s + sys %.2f s, real %.2f s "
                + "(%.2f%% of one core over the phase)%n", n, user, sys, real,
                100 * (user + sys) / ((to - from) / 1000.0));
    }
}
