package vn.baovetreem.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.baovetreem.children.ChildImport;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.common.text.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The import jobs and their errors in PostgreSQL. Progress and errors are written in their own
 * short transactions so that {@code GET /imports/{id}} shows them while the job runs; the rows
 * of the registry are written in the job's one write transaction.
 */
@ApplicationScoped
public class ImportJobs {

    /** What a job is, as stored. */
    public record Job(UUID id, ImportKind kind, ImportFormat format, ImportMode mode, ChildImport.MatchBy matchBy, boolean dryRun,
                      boolean allowPartial, ImportStatus status, String fileName, int fileSize, int rowsRead, int rowsValid,
                      int rowsInvalid, int rowsWritten, int rowsUnchanged, String message, String username, String subject,
                      String clientId, String roles, String unitCode, String unitPath, int attempts, boolean retryable,
                      Instant createdAt, Instant startedAt, Instant finishedAt, Instant fileErasedAt, Language language) {
    }

    /**
     * A job as claimed by one run of it. Every write of the run names its attempt, so a run that
     * another instance took over (its heartbeat stopped, the job was queued again) changes nothing.
     */
    record Claim(UUID id, int attempt) {
    }

    /** The job was taken over by another run while this one wrote: its writes are rolled back. */
    static final class TakenOver extends RuntimeException {
        TakenOver(Claim claim) {
            super("Import " + claim.id() + " attempt " + claim.attempt() + " was taken over by another run");
        }
    }

    /** Schema {@code ImportError}: one problem of one row. */
    public record Error(int row, String column, String value, String message) {
    }

    /** An error with its place among the job's errors (what a cursor remembers). */
    record Stored(int seq, Error error) {
    }

    private static final String COLUMNS = """
            id, kind, format, mode, match_by, dry_run, allow_partial, status, file_name, file_size, rows_read, rows_valid,
            rows_invalid, rows_written, rows_unchanged, message, username, subject, client_id, roles, unit_code,
            cast(unit_path as text) as unit_path, attempts, retryable, created_at, started_at, finished_at, file_erased_at,
            language""";

    /** Runs of a job before a fault of the service fails it. */
    static final int MAX_ATTEMPTS = 3;

    /** The job is still the claimed run's: parameters 1 (id) and 2 (attempt). */
    private static final String RUN = "id = ?1 and attempts = ?2 and status = 'RUNNING'";
    /** Back to the queue with nothing to show: an interrupted run wrote nothing. */
    private static final String QUEUED_AGAIN =
            "status = 'QUEUED', rows_read = 0, rows_valid = 0, rows_invalid = 0, rows_written = 0, rows_unchanged = 0, message = null";
    private static final String SEND_AGAIN = "Send the file again with a new Idempotency-Key.";

    /**
     * Bytes of a stored file read at a time. Small enough that neither the slice nor the driver's
     * text of it (hex, twice as long) is a humongous object of G1's 1 MB regions (half a region or
     * more), each of which made a 256 MB heap start a collection cycle: with 1 MB slices, a third
     * to half of the collections of a check pass (docs/imports.md).
     */
    static final int SLICE = 128 * 1024;

    private final EntityManager em;

    ImportJobs(EntityManager em) {
        this.em = em;
    }

    /** Stores a new job with its file, streamed from the upload into the row. */
    @Transactional(Transactional.TxType.MANDATORY)
    void insert(Job j, Upload upload) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into import_job (id, kind, format, mode, match_by, dry_run, allow_partial, status, file_name, file_size,
                                            content, username, subject, client_id, roles, unit_code, unit_path, created_at, language)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as ltree), ?, ?)""");
                 InputStream content = upload.open()) {
                insert.setObject(1, j.id());
                insert.setString(2, j.kind().name());
                insert.setString(3, j.format().name());
                insert.setString(4, j.mode().name());
                insert.setString(5, j.matchBy().name());
                insert.setBoolean(6, j.dryRun());
                insert.setBoolean(7, j.allowPartial());
                insert.setString(8, j.status().name());
                insert.setString(9, j.fileName());
                insert.setInt(10, j.fileSize());
                insert.setBinaryStream(11, content, upload.size());
                insert.setString(12, j.username());
                insert.setString(13, j.subject());
                insert.setString(14, j.clientId());
                insert.setString(15, j.roles());
                insert.setString(16, j.unitCode());
                insert.setString(17, j.unitPath());
                insert.setObject(18, OffsetDateTime.ofInstant(j.createdAt(), ZoneOffset.UTC));
                insert.setString(19, j.language().tag());
                insert.executeUpdate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Job> find(UUID id) {
        return Row.all(em.createNativeQuery("select " + COLUMNS + " from import_job where id = ?1", Tuple.class).setParameter(1, id))
                .stream().map(ImportJobs::job).findFirst();
    }

    /**
     * The file of a job as a stream read a slice at a time, so that a pass holds one slice of the
     * file, never the whole of it. Read it inside a transaction.
     */
    InputStream content(UUID id) {
        return new Slices(id);
    }

    /** The bytes of a stored file, fetched {@link #SLICE} at a time with {@code substring}. */
    private final class Slices extends InputStream {
        private final UUID id;
        private byte[] slice = new byte[0];
        private int position;
        /** Where the next slice starts, counting from 1 as {@code substring} does. */
        private int next = 1;
        private boolean ended;

        Slices(UUID id) {
            this.id = id;
        }

        @Override
        public int read() {
            return fill() ? slice[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, slice.length - position);
            System.arraycopy(slice, position, buffer, offset, n);
            position += n;
            return n;
        }

        /** Whether a byte is at hand, fetching the next slice when this one is used up. */
        private boolean fill() {
            if (position < slice.length) {
                return true;
            }
            if (ended) {
                return false;
            }
            // Commit-time flushing: reading the file must not flush the pass's pending writes.
            slice = (byte[]) em.createNativeQuery("select substring(content from ?2 for ?3) from import_job where id = ?1")
                    .setFlushMode(FlushModeType.COMMIT).setParameter(1, id).setParameter(2, next).setParameter(3, SLICE)
                    .getSingleResult();
            position = 0;
            next += slice.length;
            ended = slice.length < SLICE;
            return slice.length > 0;
        }
    }

    /** Takes the oldest queued job that may run now for this instance, if any (other instances skip it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Claim> claim(Instant now) {
        return Row.all(em.createNativeQuery("""
                        update import_job set status = 'RUNNING', attempts = attempts + 1, started_at = ?1, heartbeat_at = clock_timestamp()
                        where id = (select id from import_job
                                    where status = 'QUEUED' and (run_after is null or run_after <= clock_timestamp())
                                    order by created_at for update skip locked limit 1)
                        returning id, attempts""", Tuple.class)
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .stream().map(r -> new Claim(r.uuid("id"), r.integer("attempts"))).findFirst();
    }

    /** Says that the run is alive; false when the job is no longer this run's. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean heartbeat(Claim claim) {
        return em.createNativeQuery("update import_job set heartbeat_at = clock_timestamp() where " + RUN)
                .setParameter(1, claim.id()).setParameter(2, claim.attempt()).executeUpdate() == 1;
    }

    /**
     * Jobs whose run stopped (no heartbeat for {@code stale}, by the database's clock): nothing of
     * theirs was written, since a job writes in one transaction, so they run again from the start;
     * after {@link #MAX_ATTEMPTS} runs they fail, as a fault of the service.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int requeueStale(Duration stale, Instant now) {
        String stopped = " where status = 'RUNNING' and heartbeat_at < clock_timestamp() - make_interval(secs => ?1)";
        em.createNativeQuery("""
                        update import_job set status = 'FAILED', retryable = true, finished_at = ?2, message = ?3,
                               rows_written = 0, rows_unchanged = 0""" + stopped + " and attempts >= " + MAX_ATTEMPTS)
                .setParameter(1, stale.toSeconds()).setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(3, "The service stopped " + MAX_ATTEMPTS + " times while this import ran; nothing was written. " + SEND_AGAIN)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<UUID> requeued = em.createNativeQuery("update import_job set " + QUEUED_AGAIN + stopped + " returning id")
                .setParameter(1, stale.toSeconds()).getResultList();
        if (!requeued.isEmpty()) {
            em.createNativeQuery("delete from import_error where job_id = any(?1)")
                    .setParameter(1, requeued.toArray(UUID[]::new)).executeUpdate();
        }
        return requeued.size();
    }

    /**
     * Puts a run that a fault of the service stopped back in the queue, to run again after
     * {@code delay}; fails it, saying how to retry, when it was the job's last attempt.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void retryLater(Claim claim, Duration delay, Instant now) {
        if (claim.attempt() >= MAX_ATTEMPTS) {
            end(claim, ImportStatus.FAILED, "The service failed " + MAX_ATTEMPTS + " times while this import ran (not because of the"
                    + " file); nothing was written. " + SEND_AGAIN, 0, 0, true, now);
        } else if (em.createNativeQuery("update import_job set " + QUEUED_AGAIN
                        + ", run_after = clock_timestamp() + make_interval(secs => ?3) where " + RUN)
                .setParameter(1, claim.id()).setParameter(2, claim.attempt()).setParameter(3, delay.toSeconds()).executeUpdate() == 1) {
            em.createNativeQuery("delete from import_error where job_id = ?1").setParameter(1, claim.id()).executeUpdate();
        }
    }

    /** Progress so far, which is also a heartbeat. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void progress(Claim claim, int read, int valid, int invalid, String message) {
        em.createNativeQuery("""
                        update import_job set rows_read = ?3, rows_valid = ?4, rows_invalid = ?5, message = ?6,
                               heartbeat_at = clock_timestamp() where\s""" + RUN)
                .setParameter(1, claim.id()).setParameter(2, claim.attempt()).setParameter(3, read).setParameter(4, valid)
                .setParameter(5, invalid).setParameter(6, message).executeUpdate();
    }

    /** Ends a run that wrote nothing, in a transaction of its own; false when the job was no longer this run's. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean finish(Claim claim, ImportStatus status, String message, Instant now) {
        return end(claim, status, message, 0, 0, false, now);
    }

    /**
     * Ends the run in the transaction that wrote its rows, so that the rows and the counts that
     * say they were written are committed together or not at all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void finishWritten(Claim claim, String message, int written, int unchanged, Instant now) {
        if (!end(claim, ImportStatus.SUCCEEDED, message, written, unchanged, false, now)) {
            throw new TakenOver(claim);
        }
    }

    private boolean end(Claim claim, ImportStatus status, String message, int written, int unchanged, boolean retryable, Instant now) {
        return em.createNativeQuery("""
                        update import_job set status = ?3, message = ?4, rows_written = ?5, rows_unchanged = ?6, retryable = ?7,
                               finished_at = ?8, heartbeat_at = clock_timestamp() where\s""" + RUN)
                .setParameter(1, claim.id()).setParameter(2, claim.attempt()).setParameter(3, status.name()).setParameter(4, message)
                .setParameter(5, written).setParameter(6, unchanged).setParameter(7, retryable)
                .setParameter(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate() == 1;
    }

    /** Adds errors after the {@code already} stored, up to {@code limit} in all. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void addErrors(UUID id, List<Error> errors, int already) {
        int seq = already;
        for (Error e : errors) {
            seq++;
            em.createNativeQuery("""
                            insert into import_error (job_id, seq, row_number, column_name, value, message)
                            values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, id).setParameter(2, seq).setParameter(3, e.row()).setParameter(4, e.column())
                    .setParameter(5, e.value()).setParameter(6, e.message()).executeUpdate();
        }
    }

    /** The errors of a job after error {@code afterSeq}, in file order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<Stored> errors(UUID id, int afterSeq, int limit) {
        return Row.all(em.createNativeQuery("""
                        select seq, row_number, column_name, value, message from import_error
                        where job_id = ?1 and seq > ?2 order by seq limit ?3""", Tuple.class)
                        .setParameter(1, id).setParameter(2, afterSeq).setParameter(3, limit))
                .stream().map(r -> new Stored(r.integer("seq"), new Error(r.integer("row_number"), r.text("column_name"),
                        r.text("value"), r.text("message")))).toList();
    }

    private static Job job(Row r) {
        return new Job(r.uuid("id"), r.enumValue("kind", ImportKind.class), r.enumValue("format", ImportFormat.class),
                r.enumValue("mode", ImportMode.class), r.enumValue("match_by", ChildImport.MatchBy.class), r.bool("dry_run"),
                r.bool("allow_partial"), r.enumValue("status", ImportStatus.class), r.text("file_name"), r.integer("file_size"),
                r.integer("rows_read"), r.integer("rows_valid"), r.integer("rows_invalid"), r.integer("rows_written"),
                r.integer("rows_unchanged"), r.text("message"), r.text("username"), r.text("subject"), r.text("client_id"),
                r.text("roles"), r.text("unit_code"), r.text("unit_path"), r.integer("attempts"), r.bool("retryable"),
                r.instant("created_at"), r.instant("started_at"), r.instant("finished_at"), r.instant("file_erased_at"),
                Language.valueOf(r.text("language").toUpperCase(Locale.ROOT)));
    }
}
