package vn.baovetreem.common.persistence;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import vn.baovetreem.common.http.RequestIds;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;

/**
 * Bounds how long an HTTP request waits for PostgreSQL, so that a slow, overloaded or frozen
 * database answers 503 in seconds instead of holding the request and its connection:
 * <ul>
 * <li>each statement of the request is cancelled by the server after
 * {@code cp.db.statement-timeout}: that is every connection's own {@code statement_timeout},
 * set when the pool opens it, so a request sends no statement for it (it did: one round trip of
 * the five of a read);</li>
 * <li>the connection gives up reading after that time and five seconds more (the driver's
 * network timeout), which is what ends the wait when the server is frozen and cannot cancel
 * anything.</li>
 * </ul>
 * Waiting for a free connection is bounded by the pool's acquisition timeout. Work outside a
 * request (migrations at start, imports, the retention job) has no limit, as the database's own
 * default: its statements may rightly take longer. In a transaction it lifts the limit for that
 * transaction ({@code SET LOCAL}); without one, for the connection until it goes back to the pool.
 */
@ApplicationScoped
public class DatabaseWaits implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(DatabaseWaits.class);
    /** How much longer than a statement's limit the connection waits for the server's answer. */
    static final Duration NETWORK_MARGIN = Duration.ofSeconds(5);
    /** The driver only records the value; nothing runs on the executor. */
    private static final Executor DIRECT = Runnable::run;

    private final long statementMillis;
    private final int networkMillis;
    /**
     * The connections whose own limit is known to be a request's, by the driver's connection (the
     * pool hands out a new wrapper each time); a request on any other sets its limit itself.
     */
    private final Set<Object> bounded = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    DatabaseWaits(@ConfigProperty(name = "cp.db.statement-timeout") Duration statementTimeout) {
        this.statementMillis = statementTimeout.toMillis();
        this.networkMillis = Math.toIntExact(statementTimeout.plus(NETWORK_MARGIN).toMillis());
    }

    /** A new connection takes a request's limit as its own, so that a request sends no statement to set it. */
    @Override
    public void onConnectionCreate(Connection connection) {
        try {
            limitConnection(connection, statementMillis);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // Not known to be bounded: a request sets its limit itself.
            forget(connection);
            LOG.debugf("Could not bound the statements of a new connection: SQLSTATE %s", e.getSQLState());
        }
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            if (servingRequest()) {
                if (!bounded.contains(connection.unwrap(PGConnection.class))) {
                    limit(connection, statementMillis);
                }
                connection.setNetworkTimeout(DIRECT, networkMillis);
                return;
            }
            // The connection may have served a request before.
            if (connection.getNetworkTimeout() != 0) {
                connection.setNetworkTimeout(DIRECT, 0);
            }
            limit(connection, 0);
        } catch (SQLException e) {
            // The connection is broken; the request's first statement fails and is answered 503.
            LOG.debugf("Could not bound the waits of a connection: SQLSTATE %s", e.getSQLState());
        }
    }

    /** Gives a connection that work outside a request left unbounded its own limit back. */
    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            if (connection.getAutoCommit() && !bounded.contains(connection.unwrap(PGConnection.class))) {
                limitConnection(connection, statementMillis);
            }
        } catch (SQLException e) {
            // Still not known to be bounded: the next request sets its limit itself.
            LOG.debugf("Could not bound the statements of a returned connection: SQLSTATE %s", e.getSQLState());
        }
    }

    /** Limits the statements to {@code millis} (0: none): for the open transaction if any (it ends with it), else for the connection. */
    private void limit(Connection connection, long millis) throws SQLException {
        if (connection.getAutoCommit()) {
            limitConnection(connection, millis);
        } else {
            execute(connection, "set local statement_timeout = " + millis);
        }
    }

    private void limitConnection(Connection connection, long millis) throws SQLException {
        Object physical = connection.unwrap(PGConnection.class);
        bounded.remove(physical);
        execute(connection, "set statement_timeout = " + millis);
        if (millis == statementMillis) {
            bounded.add(physical);
        }
    }

    private void forget(Connection connection) {
        try {
            bounded.remove(connection.unwrap(PGConnection.class));
        } catch (SQLException e) {
            // Never added.
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean servingRequest() {
        ManagedContext context = Arc.container().requestContext();
        return context.isActive() && Arc.container().instance(RequestIds.Current.class).get().served();
    }
}
