package vn.baovetreem.common.persistence;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.baovetreem.common.http.RequestIds;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Bounds how long an HTTP request waits for PostgreSQL, so that a slow, overloaded or frozen
 * database answers 503 in seconds instead of holding the request and its connection:
 * <ul>
 * <li>each statement of the request's transaction is cancelled by the server after
 * {@code cp.db.statement-timeout} ({@code SET LOCAL statement_timeout});</li>
 * <li>the connection gives up reading after that time and five seconds more (the driver's
 * network timeout), which is what ends the wait when the server is frozen and cannot cancel
 * anything.</li>
 * </ul>
 * Waiting for a free connection is bounded by the pool's acquisition timeout. Work outside a
 * request (migrations at start, imports, the retention job) keeps the database's own limits: its
 * statements may rightly take longer.
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

    DatabaseWaits(@ConfigProperty(name = "cp.db.statement-timeout") Duration statementTimeout) {
        this.statementMillis = statementTimeout.toMillis();
        this.networkMillis = Math.toIntExact(statementTimeout.plus(NETWORK_MARGIN).toMillis());
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            if (!servingRequest()) {
                // The connection may have served a request before.
                if (connection.getNetworkTimeout() != 0) {
                    connection.setNetworkTimeout(DIRECT, 0);
                }
                return;
            }
            // Acquired inside the request's transaction: the limit ends with it.
            if (!connection.getAutoCommit()) {
                try (Statement set = connection.createStatement()) {
                    set.execute("set local statement_timeout = " + statementMillis);
                }
            }
            connection.setNetworkTimeout(DIRECT, networkMillis);
        } catch (SQLException e) {
            // The connection is broken; the request's first statement fails and is answered 503.
            LOG.debugf("Could not bound the waits of a connection: SQLSTATE %s", e.getSQLState());
        }
    }

    private static boolean servingRequest() {
        ManagedContext context = Arc.container().requestContext();
        return context.isActive() && Arc.container().instance(RequestIds.Current.class).get().served();
    }
}
