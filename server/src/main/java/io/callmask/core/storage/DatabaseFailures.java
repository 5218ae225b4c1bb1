package io.callmask.core.storage;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Telling "the database could not be reached" from "a statement was refused", wherever a failure is handled. */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /**
     * Whether {@code failure} says the database could not be reached (no connection, a connection that died, or a
     * transaction that could not begin or end). Nothing was committed, unless the connection died during the commit
     * itself, whose outcome is unknown: callers retry only work that is idempotent (the journal's reports are).
     */
    public static boolean unreachable(Throwable failure) {
        return failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessException
                || failure instanceof CannotCreateTransactionException || failure instanceof TransactionSystemException;
    }
}
