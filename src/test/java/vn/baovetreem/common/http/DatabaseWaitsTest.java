package vn.baovetreem.common.http;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.DatabaseErrors;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.testing.Api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;

/**
 * The database waits of a request are bounded (statement and network timeouts); those of work
 * outside a request are not, and a statement cancelled for its time is a 503, not a 500. In this
 * package because only the request filter marks a request context as serving a request.
 */
@QuarkusTest
class DatabaseWaitsTest {

    @Inject
    EntityManager em;

    @Inject
    RequestIds.Current request;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRequestsStatementsAndReadsAreBoundedAndAJobsAreNot() {
        assertThat(limits()).isEqualTo("0 0");
        Arc.container().requestContext().activate();
        try {
            assertThat(limits()).as("a request context that is not an HTTP request").isEqualTo("0 0");
            request.assign("waits-test-request");
            assertThat(limits()).isEqualTo("10s 15000");
        } finally {
            Arc.container().requestContext().terminate();
        }
        assertThat(limits()).as("work after a request is not bounded by it").isEqualTo("0 0");
    }

    @Test
    void workOutsideATransactionLiftsTheLimitOfItsConnectionOnlyUntilItGoesBack() throws SQLException {
        int connections = withEveryConnection(all -> {
            for (Connection c : all) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show statement_timeout")) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getString(1)).isEqualTo("0");
                }
            }
        });
        Arc.container().requestContext().activate();
        try {
            request.assign("waits-test-after-unbounded-work");
            for (int i = 0; i < connections; i++) {
                assertThat(limits()).isEqualTo("10s 15000");
            }
        } finally {
            Arc.container().requestContext().terminate();
        }
    }

    @Test
    void aStatementCancelledForItsTimeIsAnsweredServiceBusy() {
        Throwable cancelled = catchThrowable(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("set local statement_timeout = 50").executeUpdate();
            em.createNativeQuery("select pg_sleep(2)").getSingleResult();
        }));
        assertThat(DatabaseErrors.problemFor(cancelled)).get()
                .isInstanceOf(ApiException.ServiceUnavailable.class)
                .extracting(ApiException::code).isEqualTo(ProblemCode.SERVICE_BUSY);
    }

    @Test
    void aRequestFindingNoFreeConnectionIsAnsweredServiceBusy() throws SQLException {
        withEveryConnection(held -> Api.as("commune.yenphuc").get("/api/v1/children?pageSize=1").then().statusCode(503)
                .header("Retry-After", String.valueOf(ApiException.ServiceUnavailable.BUSY_RETRY_AFTER_SECONDS))
                .body("code", equalTo("SERVICE_BUSY")));
        Api.as("commune.yenphuc").get("/api/v1/children?pageSize=1").then().statusCode(200);
    }

    private interface WithConnections {
        void accept(List<Connection> connections) throws SQLException;
    }

    /** Takes every connection of the pool outside any request and transaction, runs {@code work}, gives them back. */
    private int withEveryConnection(WithConnections work) throws SQLException {
        List<Connection> all = new ArrayList<>();
        try {
            while (all.size() < dataSource.getConfiguration().connectionPoolConfiguration().maxSize()) {
                all.add(dataSource.getConnection());
            }
            work.accept(all);
            return all.size();
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
    }

    /** The statement timeout and the network timeout (ms) of a new transaction's connection. */
    private String limits() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object timeout = em.createNativeQuery("select current_setting('statement_timeout')").getSingleResult();
            int network = em.unwrap(Session.class).doReturningWork(c -> c.getNetworkTimeout());
            return timeout + " " + network;
        });
    }
}
