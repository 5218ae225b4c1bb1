package io.callmask.core.policy;

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

/**
 * Bucket4j buckets in H2's {@code rate_limit_buckets} table, the same table and the same
 * select-for-update protocol as Bucket4j's PostgreSQL manager, which H2 cannot run as it is (its
 * insert uses {@code ON CONFLICT}). The row lock of {@code SELECT … FOR UPDATE} serialises every
 * change to one bucket; a concurrent first insert of the same key fails on the primary key and
 * the base class retries in a new transaction.
 */
final class H2BucketProxyManager extends AbstractSelectForUpdateBasedProxyManager<String>
        implements ExpiredEntriesCleaner {

    private static final String SELECT = "select state from rate_limit_buckets where id = ? for update";
    private static final String INSERT = "insert into rate_limit_buckets (id, state) values (?, null)";
    private static final String UPDATE = "update rate_limit_buckets set state = ?, expires_at = ? where id = ?";
    private static final String DELETE = "delete from rate_limit_buckets where id = ?";
    private static final String DELETE_EXPIRED = "delete from rate_limit_buckets where expires_at < ? limit ?";
    /** SQLState of a unique constraint violation. */
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource dataSource;
    private final CustomColumnProvider<String> expiresAt;

    H2BucketProxyManager(DataSource dataSource, ClientSideConfig config) {
        super(config);
        this.dataSource = dataSource;
        this.expiresAt = CustomColumnProvider.createExpiresInColumnProvider("expires_at",
                config.getExpirationAfterWriteStrategy().orElseThrow());
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
        return new Transaction(connection, key);
    }

    private final class Transaction implements SelectForUpdateBasedTransaction {
        private final Connection connection;
        private final String key;

        Transaction(Connection connection, String key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void begin(Optional<Long> timeoutNanos) {
            run(() -> connection.setAutoCommit(false));
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
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
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
            run(connection::commit);
        }

        @Override
        public void rollback() {
            run(connection::rollback);
        }

        @Override
        public void release() {
            run(connection::close);
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
                PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
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
