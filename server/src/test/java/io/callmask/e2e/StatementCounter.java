package io.callmask.e2e;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts what one HTTP request asks of the database, on the request's own thread: statements sent (a batch is one
 * round trip), commits (explicit, and statements run in auto-commit, which commit on their own) and rollbacks. On
 * with {@code callmask.test.count-statements=true}: the DataSource is wrapped by datasource-proxy, and a request
 * carrying {@value #HEADER} is counted under that header's value. Work a request hands to another thread is not
 * counted: it is not on the caller's wait.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "callmask.test.count-statements", havingValue = "true")
class StatementCounter {

    static final String HEADER = "X-Count-Statements";

    /** What one request did; {@code sql} lists each statement sent, for the failure message. */
    record Counts(int roundTrips, int commits, int rollbacks, List<String> sql) {
        @Override
        public String toString() {
            return "roundTrips=" + roundTrips + " commits=" + commits + " rollbacks=" + rollbacks + "\n  "
                    + String.join("\n  ", sql);
        }
    }

    private static final class Tally {
        int roundTrips;
        int commits;
        int rollbacks;
        final List<String> sql = new ArrayList<>();

        Counts counts() {
            return new Counts(roundTrips, commits, rollbacks, List.copyOf(sql));
        }
    }

    private static final ThreadLocal<Tally> CURRENT = new ThreadLocal<>();
    private final Map<String, Counts> results = new ConcurrentHashMap<>();

    /** The counts of the request that carried {@code id}; null when none did. */
    Counts of(String id) {
        return results.get(id);
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create("counted", ds).listener(new Queries())
                            .methodListener(new Transactions()).build();
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> statementCountingFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String id = request.getHeader(HEADER);
                if (id == null) {
                    chain.doFilter(request, response);
                    return;
                }
                Tally tally = new Tally();
                CURRENT.set(tally);
                try {
                    chain.doFilter(request, response);
                } finally {
                    CURRENT.remove();
                    results.put(id, tally.counts());
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static final class Queries implements QueryExecutionListener {
        @Override
        public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

        @Override
        public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            Tally tally = CURRENT.get();
            if (tally == null) {
                return;
            }
            tally.roundTrips++;
            queries.forEach(q -> tally.sql.add(q.getQuery().replaceAll("\\s+", " ").trim()));
            try {
                if (execution.getStatement().getConnection().getAutoCommit()) {
                    tally.commits++;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Transactions implements MethodExecutionListener {
        @Override
        public void beforeMethod(MethodExecutionContext context) {}

        @Override
        public void afterMethod(MethodExecutionContext context) {
            Tally tally = CURRENT.get();
            if (tally == null || !(context.getTarget() instanceof Connection) || context.getThrown() != null) {
                return;
            }
            switch (context.getMethod().getName()) {
                case "commit" -> {
                    tally.commits++;
                    tally.roundTrips++;
                    tally.sql.add("COMMIT");
                }
                case "rollback" -> {
                    tally.rollbacks++;
                    tally.roundTrips++;
                    tally.sql.add("ROLLBACK");
                }
                default -> { }
            }
        }
    }
}
