package vn.baovetreem.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.baovetreem.children.ChildImport;
import vn.baovetreem.common.text.Language;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries of the import queue against PostgreSQL, without HTTP. A stored job reads back field by
 * field and file byte for byte; every write of a run names its attempt, so a run that another took
 * over changes nothing. The queue's writes commit on their own (as the runner needs), so the jobs
 * here are committed, kept away from this instance's runner (running with a fresh heartbeat, or
 * queued to run only next year), and deleted after each test.
 */
@QuarkusTest
class ImportJobsTest {

    private static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");

    @Inject
    ImportJobs jobs;

    @Inject
    EntityManager em;

    private final List<UUID> committed = new ArrayList<>();

    @AfterEach
    void deleteCommittedJobs() {
        QuarkusTransaction.requiringNew().run(() -> {
            UUID[] ids = committed.toArray(UUID[]::new);
            em.createNativeQuery("delete from import_error where job_id = any(?1)").setParameter(1, ids).executeUpdate();
            em.createNativeQuery("delete from import_job where id = any(?1)").setParameter(1, ids).executeUpdate();
        });
    }

    @Test
    @TestTransaction
    void aStoredJobReadsBackFieldByFieldAndItsFileByteForByte() throws Exception {
        // Whole slices too: the last read of such a file finds no byte left.
        for (int size : new int[]{1, ImportJobs.SLICE, 2 * ImportJobs.SLICE, 2 * ImportJobs.SLICE + 12_345}) {
            byte[] file = new byte[size];
            new Random(size).nextBytes(file);
            ImportJobs.Job stored = new ImportJobs.Job(UUID.randomUUID(), ImportKind.INTERVENTIONS, ImportFormat.XLSX, ImportMode.UPSERT,
                    ChildImport.MatchBy.EXTERNAL_REF, true, true, ImportStatus.QUEUED, "hỗ trợ 2025.xlsx", file.length, 0, 0, 0, 0, 0,
                    null, "commune.yenphuc", "subject-1", "cp-web", "commune_officer", "06283", "vn.20.06283", 0, false,
                    NOW, null, null, null, Language.VI);
            try (Upload upload = Upload.receive(new ByteArrayInputStream(file))) {
                jobs.insert(stored, upload);
            }

            assertThat(jobs.find(stored.id())).contains(stored);
            try (InputStream content = jobs.content(stored.id())) {
                assertThat(content.readAllBytes()).as("a file of %d bytes", size).isEqualTo(file);
            }
        }
        assertThat(jobs.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aRunTakenOverByAnotherChangesNothing() {
        UUID id = running(2, "0 seconds");
        ImportJobs.Claim first = new ImportJobs.Claim(id, 1);
        ImportJobs.Claim second = new ImportJobs.Claim(id, 2);

        assertThat(jobs.heartbeat(first)).isFalse();
        jobs.progress(first, 10, 9, 1, "first");
        assertThat(jobs.finish(first, ImportStatus.FAILED, "first", NOW)).isFalse();
        assertThat(jobs.find(id).orElseThrow()).satisfies(job -> {
            assertThat(job.status()).isEqualTo(ImportStatus.RUNNING);
            assertThat(job.rowsRead()).isZero();
            assertThat(job.message()).isNull();
        });

        assertThat(jobs.heartbeat(second)).isTrue();
        jobs.progress(second, 10, 9, 1, "second");
        assertThat(jobs.finish(second, ImportStatus.FAILED, "the file", NOW)).isTrue();
        assertThat(jobs.find(id).orElseThrow()).satisfies(job -> {
            assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(job.rowsRead()).isEqualTo(10);
            assertThat(job.message()).isEqualTo("the file");
            assertThat(job.retryable()).isFalse();
            assertThat(job.finishedAt()).isEqualTo(NOW);
        });
        assertThat(jobs.finish(second, ImportStatus.SUCCEEDED, "again", NOW)).as("a run ends once").isFalse();
    }

    @Test
    void aRunStoppedByAFaultWaitsToRunAgainWithoutItsErrorsAndFailsRetryablyAtItsLastAttempt() {
        UUID id = running(1, "0 seconds");
        ImportJobs.Claim claim = new ImportJobs.Claim(id, 1);
        jobs.progress(claim, 5, 4, 1, "halfway");
        jobs.addErrors(id, List.of(new ImportJobs.Error(3, "Họ và tên", "", "must not be blank")), 0);

        jobs.retryLater(claim, Duration.ofHours(1), NOW);
        assertThat(jobs.find(id).orElseThrow()).satisfies(job -> {
            assertThat(job.status()).isEqualTo(ImportStatus.QUEUED);
            assertThat(job.rowsRead()).isZero();
            assertThat(job.message()).isNull();
        });
        assertThat(jobs.errors(id, 0, 10)).isEmpty();
        assertThat(runsInAnHour(id)).isTrue();

        UUID last = running(ImportJobs.MAX_ATTEMPTS, "0 seconds");
        jobs.retryLater(new ImportJobs.Claim(last, ImportJobs.MAX_ATTEMPTS), Duration.ofHours(1), NOW);
        assertThat(jobs.find(last).orElseThrow()).satisfies(job -> {
            assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(job.retryable()).isTrue();
            assertThat(job.message()).contains("nothing was written");
        });
    }

    @Test
    void aRunWithoutHeartbeatIsQueuedAgainUntilItsLastAttemptThenFails() {
        UUID stopped = running(1, "1 hour");
        UUID stoppedLast = running(ImportJobs.MAX_ATTEMPTS, "1 hour");
        UUID alive = running(1, "1 second");

        jobs.requeueStale(Duration.ofSeconds(20), NOW);

        assertThat(jobs.find(stopped).orElseThrow().status()).isEqualTo(ImportStatus.QUEUED);
        assertThat(jobs.find(stoppedLast).orElseThrow()).satisfies(job -> {
            assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(job.retryable()).isTrue();
        });
        assertThat(jobs.find(alive).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);
    }

    @Test
    void errorsAreKeptInFileOrderAndPagedBySequence() {
        UUID id = running(1, "0 seconds");
        jobs.addErrors(id, List.of(new ImportJobs.Error(2, "Giới tính", "X", "unknown sex"),
                new ImportJobs.Error(2, "Ngày sinh", "31/02/2018", "not a date")), 0);
        jobs.addErrors(id, List.of(new ImportJobs.Error(7, null, null, "row too long")), 2);

        assertThat(jobs.errors(id, 0, 2)).extracting(ImportJobs.Stored::seq).containsExactly(1, 2);
        assertThat(jobs.errors(id, 2, 10)).containsExactly(new ImportJobs.Stored(3, new ImportJobs.Error(7, null, null, "row too long")));
        assertThat(jobs.errors(id, 0, 10).getFirst().error()).isEqualTo(new ImportJobs.Error(2, "Giới tính", "X", "unknown sex"));
    }

    /**
     * A committed job in its {@code attempts}th run, last heard of {@code heartbeatAgo}, that this
     * instance's runner leaves alone: put back in the queue, it may run only next year.
     */
    private UUID running(int attempts, String heartbeatAgo) {
        UUID id = UUID.randomUUID();
        committed.add(id);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into import_job (id, kind, format, mode, match_by, dry_run, allow_partial, status, file_size, content,
                                                username, subject, roles, attempts, heartbeat_at, created_at, started_at, run_after)
                        values (?1, 'CHILDREN', 'CSV', 'CREATE', 'PERSONAL_ID', false, false, 'RUNNING', 0, '', 'test', 'test',
                                'commune_officer', ?2, clock_timestamp() - cast(?3 as interval), now(), now(),
                                now() + interval '1 year')""")
                .setParameter(1, id).setParameter(2, attempts).setParameter(3, heartbeatAgo).executeUpdate());
        return id;
    }

    private boolean runsInAnHour(UUID id) {
        return (Boolean) em.createNativeQuery("""
                        select run_after between clock_timestamp() + interval '59 minutes' and clock_timestamp() + interval '1 hour'
                        from import_job where id = ?1""").setParameter(1, id).getSingleResult();
    }
}
