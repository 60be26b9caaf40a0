package vn.baovetreem.common.persistence;

import io.quarkus.test.junit.QuarkusTest;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock an instance holds while it migrates the database at start-up is PostgreSQL's, tied to
 * its connection: an instance killed while migrating (a long index build, a deployment that
 * restarts it) leaves nothing locked, where Liquibase's own lock, a row, stayed taken and kept
 * every later start waiting for it until it gave up.
 */
@QuarkusTest
class MigrationLockTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void theMigrationLockIsHeldByOneConnectionAndFreedWhenThatConnectionEnds() throws Exception {
        // Connections of their own, not the pool's, whose connections outlive their users.
        try (Connection other = DriverManager.getConnection(url, user, password)) {
            LockService waiting = lockService(other);
            try (Connection holder = DriverManager.getConnection(url, user, password)) {
                assertThat(lockService(holder).acquireLock()).isTrue();
                assertThat(waiting.acquireLock()).as("held by the other connection").isFalse();
                // The holder's connection ends without releasing the lock, as a killed process's does.
            }
            // The server frees it when the holder's backend has ended, a moment after the client closed the connection.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean acquired = waiting.acquireLock();
            while (!acquired && System.nanoTime() < deadline) {
                Thread.sleep(50);
                acquired = waiting.acquireLock();
            }
            assertThat(acquired).isTrue();
            waiting.releaseLock();
        }
    }

    private static LockService lockService(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        return LockServiceFactory.getInstance().getLockService(database);
    }
}
