package io.callmask.tools.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault suite's load and its reckoning (a benchmark tool, not a test: run by {@code bench/faults.sh}, which
 * starts PostgreSQL, the emulator and two callmask instances and injects one fault while this runs).
 *
 * <p>Load: {@code --workers} closed-loop workers, each taking a free session and placing one call on it: a
 * dial-in (the customer's virtual phone dials its masked number at the emulator, whose load balancer sends the
 * webhooks to either instance) or a click-to-call ({@code POST /v1/sessions/{id}/calls} on either instance,
 * the next one when a connection is refused), and now and then a new session. Phones answer after 1 s and hang
 * up 3 s after answering, so every call has status callbacks. Each call is waited for until both phones are idle.
 *
 * <p>Reckoning, once the load stops and again every 2 s until the records converge or {@code --settle} runs
 * out: every leg the emulator carried is compared with callmask's record of it (final status and, when
 * completed, the carrier's duration). Printed: calls attempted, records complete and correct, records lost (a
 * leg callmask routed or placed with no record, or none final), records wrong, callers who heard nothing (not
 * bridged and no message of callmask's), callers who waited over 1 s for a message, 5xx answered to the carrier
 * outside the 503-and-retry contract (from the emulator's tally), half-made sessions, and the time to recover
 * (from the fault's end until every call works again). Exits 1 when a goal is missed (a record lost or wrong, a
 * silent caller, a 5xx outside the contract, a half-made session).
 *
 * <p>Options ({@code --name=value}): api (comma-separated instance base URLs), key, emulator, public-url (the
 * load balancer's URL, callmask's public base URL), pool (comma-separated pool numbers to register), jdbc-url,
 * jdbc-user, workers (12), sessions (40), warmup (10 s of the same load first, not counted), duration (60 s),
 * settle (60 s), fault-file (lines {@code start EPOCH_MS}
 * and {@code end EPOCH_MS} written by the script), fault-end-now (1: a fault without an end lasts the load),
 * label, json (where to write the figures).
 */
public final class FaultLoad {

    private static final Set<String> FINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");
    private static final String APPLICATION_ERROR = "We are sorry, an application error has occurred. Goodbye.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BenchOptions opts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<String> api;
    private final String emulator;
    private final String key;
    private final AtomicInteger nextApi = new AtomicInteger();
    private final AtomicInteger nextPhone = new AtomicInteger();
    private final LinkedBlockingQueue<Session> free = new LinkedBlockingQueue<>();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> apiAnswers = new ConcurrentHashMap<>();

    record Session(String id, String retailer, String customer, String customerMasked) {
    }

    /** One thing the load did: a dial-in, a click-to-call or a new session. */
    static final class Attempt {
        final String type;
        final long startMs;
        final Session session;
        String callerSid;      // the emulator's first leg: the dial-in's inbound leg or the click-to-call's REST leg
        String callId;         // callmask's, for a click-to-call it accepted
        int apiStatus;
        String problem;
        boolean ok;

        Attempt(String type, long startMs, Session session) {
            this.type = type;
            this.startMs = startMs;
            this.session = session;
        }
    }

    private FaultLoad(BenchOptions opts) {
        this.opts = opts;
        this.api = List.of(opt("api", "http://127.0.0.1:18081").split(","));
        this.emulator = opt("emulator", "http://127.0.0.1:18070");
        this.key = opt("key", "fault-key");
    }

    public static void main(String[] args) throws Exception {
        int rc = new FaultLoad(BenchOptions.parse(args)).run();
        System.exit(rc);
    }

    private String opt(String name, String dflt) {
        return opts.get(name, dflt);
    }

    private int intOpt(String name, int dflt) {
        return opts.integer(name, dflt);
    }

    private int run() throws Exception {
        String label = opt("label", "faults");
        prepareEmulator();
        for (int i = 0; i < intOpt("sessions", 40); i++) {
            Session s = newSession(null);
            if (s == null) {
                throw new IllegalStateException("could not open the initial sessions: " + apiAnswers);
            }
        }
        int warmup = intOpt("warmup", 10);
        if (warmup > 0) { // a fresh JVM's first seconds (JIT) are not what a running service meets: not counted
            load(warmup);
            attempts.clear();
            apiAnswers.clear();
            send("DELETE", emulator + "/emulator/webhooks", null, null);
        }
        long start = System.currentTimeMillis();
        load(intOpt("duration", 60));
        long loadEnd = System.currentTimeMillis();

        // Records converge as journals replay and retried callbacks land: reckon until they do or time is up.
        Reckoning r;
        long settleEnd = loadEnd + intOpt("settle", 60) * 1000L;
        while (true) {
            r = reckon();
            if ((r.lost == 0 && r.wrong == 0) || System.currentTimeMillis() > settleEnd) {
                break;
            }
            Thread.sleep(2000);
        }
        long converged = System.currentTimeMillis() - loadEnd;
        print(label, start, loadEnd, converged, r);
        boolean goalsMet = r.lost == 0 && r.wrong == 0 && r.silent == 0 && r.fiveXx == 0 && r.halfMade == 0;
        return goalsMet ? 0 : 1;
    }

    // ---- the load ----------------------------------------------------------------------------------------------

    /** {@code seconds} of closed-loop load, then every call placed is waited for. */
    private void load(int seconds) throws InterruptedException {
        long end = System.currentTimeMillis() + seconds * 1000L;
        int workers = intOpt("workers", 12);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicInteger turn = new AtomicInteger();
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                while (System.currentTimeMillis() < end) {
                    int t = turn.getAndIncrement();
                    try {
                        if (t % 10 == 9) {
                            Attempt a = new Attempt("session", System.currentTimeMillis(), null);
                            attempts.add(a);
                            a.ok = newSession(a) != null;
                            continue;
                        }
                        Session s = free.poll(500, TimeUnit.MILLISECONDS);
                        if (s == null) {
                            continue;
                        }
                        try {
                            if (t % 2 == 0) {
                                dialIn(s);
                            } else {
                                clickToCall(s);
                            }
                        } finally {
                            free.add(s);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (RuntimeException | IOException e) {
                        System.out.println("driver: " + e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    }

    private void prepareEmulator() throws IOException, InterruptedException {
        send("DELETE", emulator + "/emulator/phones", null, null);
        send("DELETE", emulator + "/emulator/webhooks", null, null);
        send("PUT", emulator + "/emulator/network", "{}", null);
        // the numbers' voice URL as an operator sets it in Twilio's console: at the load balancer, retried when
        // an instance refuses or does not answer (a retry of a dial-in is answered with the call already made)
        String voice = opt("public-url", "http://127.0.0.1:18080") + "/webhooks/twilio/voice#rc=2&rp=ct,rt";
        String status = opt("public-url", "http://127.0.0.1:18080") + "/webhooks/twilio/status#rc=3&rp=5xx,ct,rt";
        for (String number : opt("pool", "").split(",")) {
            if (!number.isBlank()) {
                expect(send("POST", emulator + "/emulator/numbers", "{\"number\":\"" + number + "\",\"voiceUrl\":\""
                        + voice + "\",\"statusCallback\":\"" + status + "\"}", null), 200, "register");
            }
        }
    }

    private Session newSession(Attempt attempt) throws IOException, InterruptedException {
        int n = nextPhone.getAndIncrement();
        String retailer = String.format(Locale.ROOT, "+9199101%05d", n);
        String customer = String.format(Locale.ROOT, "+9199201%05d", n);
        for (String phone : List.of(retailer, customer)) {
            expect(send("PUT", emulator + "/emulator/phones/" + phone,
                    "{\"answer\":\"auto\",\"answerAfterSeconds\":1,\"hangupAfterSeconds\":3}", null), 200, "phone");
        }
        HttpResponse<String> created = apiCall("session", "POST", "/v1/sessions", """
                {"reference":"fault-%d","parties":[{"role":"retailer","id":"r-%d","number":"%s"},
                  {"role":"customer","id":"c-%d","number":"%s"}]}""".formatted(n, n, retailer, n, customer));
        if (created == null || created.statusCode() != 201) {
            if (attempt != null) {
                attempt.apiStatus = created == null ? 0 : created.statusCode();
            }
            return null;
        }
        JsonNode body = JSON.readTree(created.body());
        Session s = new Session(body.get("id").asString(), retailer, customer,
                body.get("parties").get(1).get("maskedNumber").asString());
        sessions.add(s);
        free.add(s);
        return s;
    }

    private void dialIn(Session s) throws IOException, InterruptedException {
        Attempt a = new Attempt("dial-in", System.currentTimeMillis(), s);
        attempts.add(a);
        HttpResponse<String> dialled = send("POST", emulator + "/emulator/phones/" + s.customer() + "/dial",
                "{\"to\":\"" + s.customerMasked() + "\"}", null);
        if (dialled.statusCode() != 200) {
            a.problem = "emulator " + dialled.statusCode();
            return;
        }
        a.callerSid = JSON.readTree(dialled.body()).get("callSid").asString();
        awaitIdle(s);
    }

    private void clickToCall(Session s) throws IOException, InterruptedException {
        Attempt a = new Attempt("click-to-call", System.currentTimeMillis(), s);
        attempts.add(a);
        HttpResponse<String> started = apiCall("click-to-call", "POST", "/v1/sessions/" + s.id() + "/calls",
                "{\"from\":\"retailer\"}");
        a.apiStatus = started == null ? 0 : started.statusCode();
        if (started != null && started.statusCode() == 201) {
            JsonNode call = JSON.readTree(started.body());
            a.callId = call.get("id").asString();
            JsonNode legs = call.get("legs");
            if (legs != null && !legs.isEmpty() && legs.get(0).hasNonNull("carrierSid")) {
                a.callerSid = legs.get(0).get("carrierSid").asString();
            }
        } else if (started != null) {
            a.problem = started.body().length() > 200 ? started.body().substring(0, 200) : started.body();
            try { // a call the carrier refused is recorded as failed; its problem names it
                JsonNode problem = JSON.readTree(started.body());
                if (problem.hasNonNull("callId")) {
                    a.callId = problem.get("callId").asString();
                }
            } catch (RuntimeException notJson) {
                // no call to look for
            }
        }
        Thread.sleep(300);
        awaitIdle(s);
    }

    /** Both phones idle (the call is over), for at most 40 s. */
    private void awaitIdle(Session s) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 40_000;
        while (System.currentTimeMillis() < deadline) {
            if (idle(s.retailer()) && idle(s.customer())) {
                return;
            }
            Thread.sleep(250);
        }
    }

    private boolean idle(String phone) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", emulator + "/emulator/phones/" + phone, null, null);
        return r.statusCode() == 200 && "idle".equals(JSON.readTree(r.body()).get("state").asString());
    }

    /** A platform API request to one instance, the next one if it refuses the connection; null if all do. */
    private HttpResponse<String> apiCall(String what, String method, String path, String body)
            throws InterruptedException {
        int first = Math.floorMod(nextApi.getAndIncrement(), api.size());
        for (int i = 0; i < api.size(); i++) {
            String base = api.get((first + i) % api.size());
            try {
                HttpResponse<String> r = send(method, base + path, body, key);
                apiAnswers.computeIfAbsent(what + " " + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                return r;
            } catch (ConnectException | HttpConnectTimeoutException refused) {
                // that instance is down: the next one
            } catch (IOException e) {
                apiAnswers.computeIfAbsent(what + " " + e.getClass().getSimpleName(), k -> new AtomicInteger())
                        .incrementAndGet();
                return null;
            }
        }
        apiAnswers.computeIfAbsent(what + " every instance refused", k -> new AtomicInteger()).incrementAndGet();
        return null;
    }

    private HttpResponse<String> send(String method, String url, String body, String bearer) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace("+", "%2B")))
                .timeout(Duration.ofSeconds(15));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
        }
    }

    // ---- the reckoning -----------------------------------------------------------------------------------------

    record DbLeg(String sid, String callId, String role, String status, Integer duration) {
    }

    static final class Reckoning {
        int calls;
        int expected;        // calls callmask took on (routed or placed): each must be recorded
        int correct;
        int lost;            // legs it routed or placed with no record, or a record that never became final
        int wrong;           // final, but another status or duration than the carrier's
        int refusedTold;     // calls it could not take, whose caller was told (a message, or a problem answer)
        int carrierFailed;   // of those, click-to-calls the carrier refused, each recorded as failed
        int silent;
        int lateMessage;
        long maxMessageMs;
        long fiveXx;
        int halfMade;
        int phantom;         // records of legs the carrier never carried
        List<String> details = new ArrayList<>();
        Map<String, Map<String, Long>> webhooks = Map.of();
    }

    private Reckoning reckon() throws IOException, InterruptedException, SQLException {
        Reckoning r = new Reckoning();
        List<JsonNode> legs = new ArrayList<>();
        JSON.readTree(send("GET", emulator + "/emulator/calls?limit=1000", null, null).body()).forEach(legs::add);
        if (legs.size() >= 1000) {
            r.details.add("the emulator keeps 1,000 legs and had that many: shorten the run or lower --workers");
        }
        Map<String, JsonNode> bySid = new HashMap<>();
        Map<String, List<JsonNode>> children = new HashMap<>();
        for (JsonNode leg : legs) {
            bySid.put(leg.get("sid").asString(), leg);
            if (leg.hasNonNull("parentCallSid")) {
                children.computeIfAbsent(leg.get("parentCallSid").asString(), k -> new ArrayList<>()).add(leg);
            }
        }
        Map<String, DbLeg> recorded = new HashMap<>();
        Map<String, String> failures = new HashMap<>(); // call id -> failure reason ("" for none)
        try (Connection db = DriverManager.getConnection(opt("jdbc-url", ""), opt("jdbc-user", "postgres"), "");
             Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "select carrier_sid, call_id, leg, status, duration_seconds from legs")) {
                while (rs.next()) {
                    int d = rs.getInt(5);
                    recorded.put(rs.getString(1), new DbLeg(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.wasNull() ? null : d));
                }
            }
            try (ResultSet rs = st.executeQuery("select id, failure_reason from calls")) {
                while (rs.next()) {
                    failures.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    select count(*) from sessions s
                    where (select count(*) from parties p where p.session_id = s.id) <> 2
                       or (s.status = 'open' and (select count(*) from routes r where r.session_id = s.id) <> 2)""")) {
                rs.next();
                r.halfMade = rs.getInt(1);
            }
        }
        for (DbLeg leg : recorded.values()) {
            if (!bySid.containsKey(leg.sid())) {
                r.phantom++;
                r.details.add("record of a leg the carrier never carried: " + leg);
            }
        }
        for (JsonNode leg : legs) { // a call placed at the carrier whose answer callmask never saw would be lost
            if ("outbound-api".equals(leg.get("direction").asString()) && !recorded.containsKey(leg.get("sid")
                    .asString())) {
                r.lost++;
                r.details.add("leg " + leg.get("sid").asString() + " placed at the carrier, unknown to callmask");
            }
        }
        for (Attempt a : attempts) {
            a.ok = a.type.equals("session") ? a.ok : false;
            if (a.type.equals("session")) {
                continue;
            }
            r.calls++;
            JsonNode first = a.callerSid == null ? null : bySid.get(a.callerSid);
            if (first == null) {
                // never reached the carrier: a click-to-call callmask refused with a problem (the API's answer)
                if (a.type.equals("click-to-call") && a.apiStatus >= 400 && a.callId != null) {
                    // the carrier refused it: the API said so, and the call must be recorded as failed
                    if (failures.getOrDefault(a.callId, "").isEmpty()) {
                        r.lost++;
                        r.details.add("click-to-call " + a.callId + " refused by the carrier, not recorded as failed");
                    } else {
                        r.refusedTold++;
                        r.carrierFailed++;
                    }
                } else if (a.type.equals("click-to-call") && a.apiStatus >= 400) {
                    r.refusedTold++;
                } else if (a.type.equals("click-to-call") && a.apiStatus == 201) {
                    r.lost++;
                    r.details.add("click-to-call " + a.callId + " accepted but no leg at the carrier");
                } else {
                    r.details.add(a.type + ": not placed (" + a.problem + ", API " + a.apiStatus + ")");
                }
                continue;
            }
            List<JsonNode> kids = children.getOrDefault(a.callerSid, List.of());
            boolean bridged = kids.stream().anyMatch(k -> k.hasNonNull("answeredAt"));
            boolean takenOn = a.type.equals("click-to-call") || !kids.isEmpty() || recorded.containsKey(a.callerSid);
            // who is waiting on the first leg: the dial-in's caller, or the retailer who answered a click-to-call
            boolean answered = first.hasNonNull("answeredAt");
            List<String> heard = new ArrayList<>();
            first.get("heard").forEach(h -> heard.add(h.asString()));
            boolean toldSomething = heard.stream().anyMatch(h -> !h.equals(APPLICATION_ERROR));
            if (answered && !bridged) {
                if (!toldSomething) {
                    r.silent++;
                    r.details.add(a.type + " " + a.callerSid + ": heard nothing of callmask's " + heard + " "
                            + first.get("errors"));
                } else if (a.type.equals("dial-in")) {
                    long waited = Duration.between(Instant.parse(first.get("startedAt").asString()),
                            Instant.parse(first.get("answeredAt").asString())).toMillis();
                    r.maxMessageMs = Math.max(r.maxMessageMs, waited);
                    if (waited > 1000) {
                        r.lateMessage++;
                    }
                }
            }
            if (!takenOn) {
                if (toldSomething) {
                    r.refusedTold++;
                }
                continue;
            }
            r.expected++;
            List<JsonNode> carried = new ArrayList<>();
            carried.add(first);
            carried.addAll(kids);
            boolean allRight = true;
            for (JsonNode leg : carried) {
                String sid = leg.get("sid").asString();
                String status = leg.get("status").asString();
                DbLeg mine = recorded.get(sid);
                if (!FINAL.contains(status)) {
                    r.details.add(a.type + " leg " + sid + " still " + status + " at the carrier");
                    allRight = false;
                    continue;
                }
                if (mine == null || !FINAL.contains(mine.status())) {
                    r.lost++;
                    allRight = false;
                    r.details.add(a.type + " leg " + sid + " (" + status + ") " + (mine == null ? "has no record"
                            : "recorded " + mine.status() + ", never final"));
                    continue;
                }
                Integer duration = leg.hasNonNull("durationSeconds") ? leg.get("durationSeconds").asInt() : null;
                boolean same = mine.status().equals(status)
                        && (!status.equals("completed") || java.util.Objects.equals(mine.duration(), duration));
                if (!same) {
                    r.wrong++;
                    allRight = false;
                    r.details.add(a.type + " leg " + sid + ": carrier " + status + "/" + duration + " s, recorded "
                            + mine.status() + "/" + mine.duration() + " s");
                }
            }
            if (allRight) {
                r.correct++;
                a.ok = bridged;
            }
        }
        r.webhooks = JSON.readValue(send("GET", emulator + "/emulator/webhooks", null, null).body(),
                JSON.getTypeFactory().constructMapType(TreeMap.class, JSON.getTypeFactory().constructType(String.class),
                        JSON.getTypeFactory().constructMapType(TreeMap.class, String.class, Long.class)));
        for (Map.Entry<String, Map<String, Long>> kind : r.webhooks.entrySet()) {
            long other = kind.getValue().getOrDefault("5xx", 0L);
            // a 503 is the contract for a report callmask could not store (the carrier retries it); a document
            // request (a caller waiting) must never get one
            long unavailable = kind.getKey().equals("twiml") ? kind.getValue().getOrDefault("503", 0L) : 0L;
            r.fiveXx += other + unavailable;
        }
        return r;
    }

    private void print(String label, long start, long loadEnd, long convergedMs, Reckoning r) throws IOException {
        long[] fault = faultTimes(loadEnd);
        long dialIns = attempts.stream().filter(a -> a.type.equals("dial-in")).count();
        long clicks = attempts.stream().filter(a -> a.type.equals("click-to-call")).count();
        long newSessions = attempts.stream().filter(a -> a.type.equals("session")).count();
        long lastBad = attempts.stream().filter(a -> !a.ok && a.startMs >= (fault == null ? start : fault[0]))
                .mapToLong(a -> a.startMs).max().orElse(-1);
        long badInFault = fault == null ? 0 : attempts.stream()
                .filter(a -> !a.ok && a.startMs >= fault[0] && a.startMs <= fault[1]).count();
        String recovery = fault == null ? "n/a (no fault times)"
                : lastBad < 0 ? "0 s (no call failed)"
                : String.format(Locale.ROOT, "%.1f s", Math.max(0, lastBad - fault[1]) / 1000.0);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("case", label);
        figures.put("loadSeconds", (loadEnd - start) / 1000.0);
        figures.put("callsAttempted", r.calls);
        figures.put("dialIns", dialIns);
        figures.put("clickToCalls", clicks);
        figures.put("sessionsCreated", newSessions);
        figures.put("recordsExpected", r.expected);
        figures.put("recordsCompleteAndCorrect", r.correct);
        figures.put("recordsLost", r.lost);
        figures.put("recordsWrong", r.wrong);
        figures.put("refusedAndTold", r.refusedTold);
        figures.put("carrierRefusedRecordedFailed", r.carrierFailed);
        figures.put("silentCallers", r.silent);
        figures.put("messagesOver1s", r.lateMessage);
        figures.put("slowestMessageMs", r.maxMessageMs);
        figures.put("fiveXxOutsideContract", r.fiveXx);
        figures.put("halfMadeSessions", r.halfMade);
        figures.put("phantomRecords", r.phantom);
        figures.put("failedDuringFault", badInFault);
        figures.put("recovery", recovery);
        figures.put("convergedAfterLoadMs", convergedMs);
        figures.put("webhooks", r.webhooks);
        figures.put("apiAnswers", new TreeMap<>(apiAnswers.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
        System.out.printf(Locale.ROOT, "%n== %s%n", label);
        System.out.printf(Locale.ROOT,
                "calls attempted            %d (%d dial-ins, %d click-to-calls; %d new sessions) in %.0f s%n",
                r.calls, dialIns, clicks, newSessions, (loadEnd - start) / 1000.0);
        System.out.printf(Locale.ROOT, "records complete, correct  %d of %d calls callmask took on%n", r.correct,
                r.expected);
        System.out.printf(Locale.ROOT, "records lost               %d%n", r.lost);
        System.out.printf(Locale.ROOT, "records wrong              %d%n", r.wrong);
        System.out.printf(Locale.ROOT,
                "refused, caller told       %d (of them refused by the carrier, recorded failed: %d)%n",
                r.refusedTold, r.carrierFailed);
        System.out.printf(Locale.ROOT, "callers who heard nothing  %d (messages over 1 s: %d; slowest %d ms)%n",
                r.silent, r.lateMessage, r.maxMessageMs);
        System.out.printf(Locale.ROOT, "5xx outside the contract   %d%n", r.fiveXx);
        System.out.printf(Locale.ROOT, "half-made sessions         %d%n", r.halfMade);
        System.out.printf(Locale.ROOT,
                "calls failed in the fault  %d; time to recover %s; records settled %.1f s after the load%n",
                badInFault, recovery, convergedMs / 1000.0);
        System.out.println("webhooks (kind: outcome=attempts) " + r.webhooks);
        System.out.println("API answers " + figures.get("apiAnswers"));
        r.details.stream().limit(15).forEach(d -> System.out.println("  " + d));
        if (r.details.size() > 15) {
            System.out.println("  … " + (r.details.size() - 15) + " more");
        }
        String json = opt("json", "");
        if (!json.isBlank()) {
            figures.put("details", r.details);
            Files.writeString(Path.of(json), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        }
    }

    /** The fault's start and end; with {@code --fault-end-now=1} a fault that lasts the whole load ends with it. */
    private long[] faultTimes(long loadEnd) throws IOException {
        String file = opt("fault-file", "");
        if (file.isBlank() || !Files.exists(Path.of(file))) {
            return null;
        }
        Map<String, Long> times = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                times.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        if (opt("fault-end-now", "0").equals("1")) {
            times.putIfAbsent("end", loadEnd);
        }
        return times.containsKey("start") && times.containsKey("end")
                ? new long[] {times.get("start"), times.get("end")} : null;
    }
}
