package io.callmask.core.policy;

import io.callmask.core.storage.Database;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bucket4j buckets in the {@code rate_limit_buckets} table, on PostgreSQL and H2, with Bucket4j's
 * select-for-update protocol: the row lock of {@code SELECT … FOR UPDATE} serialises every change to
 * one bucket, so instances sharing the database share the limits.
 *
 * <p>Unlike Bucket4j's own JDBC managers, a check made inside a Spring transaction joins it: the
 * bucket's row is locked and updated on the transaction's connection and committed with the call it
 * admits, in the same commit. A dial-in thus costs one commit, not one per bucket, and a call that is
 * not written (a retried webhook, a blocked retailer) gives its tokens back by rolling back. Outside
 * a transaction a check is one short transaction of its own, as in Bucket4j.
 */
final class JdbcBucketProxyManager extends AbstractSelectForUpdateBasedProxyManager<String>
        implements ExpiredEntriesCleaner {

    private static final String SELECT = "select state from rate_limit_buckets where id = ? for update";
    private static final String UPDATE = "update rate_limit_buckets set state = ?, expires_at = ? where id = ?";
    private static final String DELETE = "delete from rate_limit_buckets where id = ?";
    /** SQLState of a unique constraint violation. */
    private static final String DUPLICATE_KEY = "23505";

    /** Creates a bucket's row unless a concurrent transaction did: waits for that one, then does nothing. */
    private static final String INSERT_POSTGRESQL =
            "insert into rate_limit_buckets (id, state) values (?, null) on conflict (id) do nothing";
    /** A failed statement leaves an H2 transaction usable (not a PostgreSQL one), so the duplicate key is caught. */
    private static final String INSERT_H2 = "insert into rate_limit_buckets (id, state) values (?, null)";

    private final DataSource dataSource;
    private final String insertSql;
    private final String deleteExpiredSql;
    private final CustomColumnProvider<String> expiresAt;

    JdbcBucketProxyManager(DataSource dataSource, Database database, ClientSideConfig config) {
        super(config);
        this.dataSource = dataSource;
        this.insertSql = database == Database.POSTGRESQL ? INSERT_POSTGRESQL : INSERT_H2;
        this.deleteExpiredSql = database == Database.POSTGRESQL
                ? "delete from rate_limit_buckets where id in "
                        + "(select id from rate_limit_buckets where expires_at < ? limit ? for update skip locked)"
                : "delete from rate_limit_buckets where expires_at < ? limit ?";
        this.expiresAt = CustomColumnProvider.createExpiresInColumnProvider("expires_at",
                config.getExpirationAfterWriteStrategy().orElseThrow());
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return new Transaction(DataSourceUtils.getConnection(dataSource), key, true);
        }
        try {
            return new Transaction(dataSource.getConnection(), key, false);
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    private final class Transaction implements SelectForUpdateBasedTransaction {
        private final Connection connection;
        private final String key;
        /** Part of the caller's transaction: its commit or rollback decides, and the connection is its. */
        private final boolean joined;

        Transaction(Connection connection, String key, boolean joined) {
            this.connection = connection;
            this.key = key;
            this.joined = joined;
        }

        @Override
        public void begin(Optional<Long> timeoutNanos) {
            if (!joined) {
                run(() -> connection.setAutoCommit(false));
            }
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                applyTimeout(select, timeoutNanos);
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? LockAndGetResult.locked(rs.getBytes(1)) : LockAndGetResult.notLocked();
                }
            } catch (SQLException e) {
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
            try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                applyTimeout(insert, timeoutNanos);
                insert.setString(1, key);
                return insert.executeUpdate() > 0;
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return false; // another transaction created it first: lock it on the retry
                }
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        @Override
        public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeoutNanos) {
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                applyTimeout(update, timeoutNanos);
                update.setBytes(1, data);
                expiresAt.setCustomField(key, 2, update, newState, currentTimeNanos());
                update.setString(3, key);
                update.executeUpdate();
            } catch (SQLException e) {
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        @Override
        public void commit(Optional<Long> timeoutNanos) {
            if (!joined) {
                run(connection::commit);
            }
        }

        @Override
        public void rollback() {
            // Joined: Bucket4j rolls back after a lost insert race (the retry then waits on the row's
            // lock) or a failed step (the failure reaches the caller, whose transaction then ends).
            if (!joined) {
                run(connection::rollback);
            }
        }

        @Override
        public void release() {
            if (joined) {
                DataSourceUtils.releaseConnection(connection, dataSource);
            } else {
                run(connection::close);
            }
        }
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    @Override
    public int removeExpired(int batchSize) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(deleteExpiredSql)) {
            delete.setLong(1, System.currentTimeMillis());
            delete.setInt(2, batchSize);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void run(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }
}
