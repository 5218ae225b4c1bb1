package io.callmask.core.abuse;

import io.callmask.core.call.Call;
import io.callmask.core.call.Leg;
import io.callmask.core.call.LegStatus;
import io.callmask.core.storage.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the call log (calls, legs, sessions, parties) the way the rules need it: one retailer's
 * calls in a time window, by the {@code calls_by_retailer} index. The customer of a call is the
 * other party of its session, told apart by {@link CustomerIdentity}.
 */
@Repository
class CallLog {

    /**
     * The other party's key of call {@code c}, as a subquery by the parties' primary key: whatever
     * the statistics say (a calls table not analysed yet after a large upgrade, say), the planner
     * cannot turn it into a scan of every party.
     */
    private static final String CUSTOMER = """
            (select cp.%s from parties cp where cp.session_id = c.session_id and cp.position <> c.caller_position)"""
            .formatted(CustomerIdentity.COLUMN);

    private static final String SELECT = """
            select c.id, c.placed_by_retailer, c.session_id, c.direction, c.caller_position, c.carrier,
                   c.failure_reason, c.created_at,
                   %1$s as customer_key,
                   l.carrier_sid, l.leg, l.status, l.answered_at, l.ended_at, l.duration_seconds
            from calls c
            left join legs l on l.call_id = c.id
            """.formatted(CUSTOMER);

    private final JdbcClient jdbc;

    CallLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A call of a retailer's, with the customer's key (in memory only: never stored or logged). */
    record LoggedCall(Call call, String retailerId, String customerKey) {}

    /** How many different customers a retailer called in a window, and when its first and last calls were placed. */
    record CustomersCalled(int customers, Instant firstAt, Instant lastAt) {}

    /** One aggregate over the {@code calls_by_retailer} range, however many calls the window holds. */
    CustomersCalled customersCalled(String retailerId, Instant after, Instant upTo) {
        return jdbc.sql("""
                        select count(distinct k.customer) as customers, min(k.created_at) as first_at,
                               max(k.created_at) as last_at
                        from (select c.created_at, %s as customer from calls c
                              where c.placed_by_retailer = ? and c.created_at > ? and c.created_at <= ?) k
                        where k.customer is not null"""
                        .formatted(CUSTOMER))
                .params(retailerId, SqlTime.of(after), SqlTime.of(upTo))
                .query((rs, n) -> new CustomersCalled(rs.getInt("customers"), SqlTime.read(rs, "first_at"),
                        SqlTime.read(rs, "last_at")))
                .single();
    }

    /** A party of the latest session that held a pair, for a dial-in the router turned away. */
    record PairParty(String sessionId, String reference, String role, String externalId) {}

    Optional<LoggedCall> find(String callId) {
        return read(jdbc.sql(SELECT
                + "where c.id = ? order by l.leg").param(callId)).stream().findFirst();
    }

    /** The retailer's calls placed after {@code after} and up to {@code upTo}, oldest first. */
    List<LoggedCall> placedBy(String retailerId, Instant after, Instant upTo) {
        return read(jdbc.sql(SELECT + """
                        where c.placed_by_retailer = ? and c.created_at > ? and c.created_at <= ?
                        order by c.created_at, c.id, l.leg""")
                .params(retailerId, SqlTime.of(after), SqlTime.of(upTo)));
    }

    /** As {@link #placedBy}, only the calls to one customer ({@code customerKey} as the log holds it). */
    List<LoggedCall> placedTo(String retailerId, String customerKey, Instant after, Instant upTo) {
        return read(jdbc.sql(SELECT + """
                        where c.placed_by_retailer = ? and %s = ? and c.created_at > ? and c.created_at <= ?
                        order by c.created_at, c.id, l.leg""".formatted(CUSTOMER))
                .params(retailerId, customerKey, SqlTime.of(after), SqlTime.of(upTo)));
    }

    /** The party that held (number, masked number) in the latest session that had the pair. */
    Optional<PairParty> lastPartyOfPair(String numberKey, String maskedNumber) {
        return jdbc.sql("""
                        select s.id, s.reference, p.role, p.external_id from parties p
                        join sessions s on s.id = p.session_id
                        where p.%s = ? and p.masked_number = ?
                        order by s.created_at desc limit 1""".formatted(CustomerIdentity.COLUMN))
                .params(numberKey, maskedNumber)
                .query((rs, n) -> new PairParty(rs.getString("id"), rs.getString("reference"), rs.getString("role"),
                        rs.getString("external_id")))
                .optional();
    }

    private static List<LoggedCall> read(JdbcClient.StatementSpec statement) {
        Map<String, LoggedCall> calls = new LinkedHashMap<>();
        statement.query((ResultSet rs) -> {
            LoggedCall call = calls.computeIfAbsent(rs.getString("id"), id -> call(rs));
            if (rs.getString("carrier_sid") != null) {
                call.call().legs().add(leg(rs));
            }
        });
        return calls.values().stream().map(c -> new LoggedCall(new Call(c.call().id(), c.call().sessionId(),
                c.call().direction(), c.call().callerPosition(), c.call().carrier(), c.call().failureReason(),
                c.call().createdAt(), List.copyOf(c.call().legs())), c.retailerId(), c.customerKey())).toList();
    }

    private static LoggedCall call(ResultSet rs) {
        try {
            Call call = new Call(rs.getString("id"), rs.getString("session_id"),
                    Call.Direction.valueOf(rs.getString("direction").toUpperCase().replace('-', '_')),
                    rs.getInt("caller_position"), rs.getString("carrier"), rs.getString("failure_reason"),
                    SqlTime.read(rs, "created_at"), new ArrayList<>());
            return new LoggedCall(call, rs.getString("placed_by_retailer"), rs.getString("customer_key"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Leg leg(ResultSet rs) throws SQLException {
        int duration = rs.getInt("duration_seconds");
        Integer known = rs.wasNull() ? null : duration;
        return new Leg(rs.getString("carrier_sid"), Leg.Role.valueOf(rs.getString("leg").toUpperCase()),
                LegStatus.fromWire(rs.getString("status")).orElseThrow(), SqlTime.read(rs, "answered_at"),
                SqlTime.read(rs, "ended_at"), known);
    }
}
