package vn.baovetreem.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.common.persistence.WriteOutcome;
import vn.baovetreem.security.Scope;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An import in two passes over the stored file, a batch of rows at a time: the first checks every
 * row and reports every problem; the second writes the good rows in one transaction, so an import
 * is written whole or not at all. What a row means is up to its {@link KindFile}.
 */
@ApplicationScoped
class ImportPasses {

    static final int BATCH = 500;
    /** The most problems stored per job; the counts stay exact beyond it. */
    static final int MAX_ERRORS = 10_000;
    /**
     * The most characters of a cell the report repeats: enough to find the cell, while 10,000
     * problems of 65,536-character cells would otherwise store and send 655 million characters.
     */
    static final int REPORTED_VALUE = 200;
    /** The most rows a file may have. */
    static final int MAX_ROWS = 200_000;
    /** How long a pass may hold its transaction: far more than the largest file needs. */
    static final int TRANSACTION_SECONDS = 3600;
    /** How often a pass writes how far it got. */
    static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    private final ImportJobs jobs;
    private final AuditTrail audit;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final CodeListCatalog codes;

    ImportPasses(ImportJobs jobs, AuditTrail audit, EntityManager em, ObjectMapper mapper, Clock clock, CodeListCatalog codes) {
        this.jobs = jobs;
        this.audit = audit;
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
        this.codes = codes;
    }

    /** What the first pass found: the rows read and the numbers of the rows not to write. */
    record Checked(int read, Set<Integer> invalid) {
    }

    /** What the second pass did. */
    record Written(int created, int updated, int unchanged) {
        String message(int leftOut) {
            return created + " created, " + updated + " updated, " + unchanged + " unchanged"
                    + (leftOut > 0 ? ", " + leftOut + " rows with problems left out." : ".");
        }
    }

    /**
     * The registry changed between the passes so that a checked row no longer passes: the write
     * is rolled back rather than leaving part of what was checked.
     */
    static final class RegistryChanged extends RuntimeException {
        RegistryChanged(int row, Violation problem) {
            super("Row " + row + " no longer passes (" + problem.field() + " " + problem.message()
                    + "): the registry changed during the import. Nothing was written; run it again.");
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = TRANSACTION_SECONDS)
    <T> Checked check(KindFile<T> kind, ImportJobs.Job job, ImportJobs.Claim claim, Scope scope) throws IOException {
        // The pass only reads the registry: Hibernate need not keep a snapshot of each record it loads to find changes.
        em.unwrap(Session.class).setDefaultReadOnly(true);
        KindFile.Pass<T> pass = kind.pass(job, scope);
        Progress progress = new Progress();
        Set<Integer> invalid = new HashSet<>();
        int read = 0;
        int stored = 0;
        try (Batches<T> batches = new Batches<>(kind, job)) {
            List<KindFile.Parsed<T>> batch;
            while (!(batch = batches.next()).isEmpty()) {
                read += batch.size();
                if (read > MAX_ROWS) {
                    throw new RowReader.Malformed("The file has more than " + MAX_ROWS + " rows; split it.");
                }
                pass.check(batch.stream().filter(p -> p.row().unreadable() == null).toList());
                List<ImportJobs.Error> errors = new ArrayList<>();
                for (KindFile.Parsed<T> p : batch) {
                    if (!p.problems().isEmpty()) {
                        invalid.add(p.row().number());
                        for (Violation v : p.problems()) {
                            String column = kind.column(v.field());
                            errors.add(new ImportJobs.Error(p.row().number(), batches.header(column), batches.value(p.row(), column),
                                    v.message()));
                        }
                    }
                }
                List<ImportJobs.Error> kept = errors.subList(0, Math.min(Math.max(0, MAX_ERRORS - stored), errors.size()));
                jobs.addErrors(job.id(), kept, stored);
                stored += kept.size();
                if (progress.due()) {
                    jobs.progress(claim, read, read - invalid.size(), invalid.size(), null);
                }
                em.clear();
            }
        }
        jobs.progress(claim, read, read - invalid.size(), invalid.size(), null);
        return new Checked(read, invalid);
    }

    /**
     * Writes the good rows and ends the job in one transaction: the rows, the counts and the
     * status {@code SUCCEEDED} are committed together, or nothing is. While it runs, the job's
     * message says how far it got.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = TRANSACTION_SECONDS)
    <T> void write(KindFile<T> kind, ImportJobs.Job job, ImportJobs.Claim claim, Scope scope, Checked checked) throws IOException {
        em.unwrap(Session.class).setJdbcBatchSize(BATCH);
        KindFile.Pass<T> pass = kind.pass(job, scope);
        Progress progress = new Progress();
        AuditTrail.Buffer events = audit.buffer();
        Map<WriteOutcome, Integer> done = new HashMap<>();
        int valid = checked.read() - checked.invalid().size();
        int handled = 0;
        try (Batches<T> batches = new Batches<>(kind, job)) {
            List<KindFile.Parsed<T>> batch;
            while (!(batch = batches.next()).isEmpty()) {
                List<KindFile.Parsed<T>> good = batch.stream().filter(p -> !checked.invalid().contains(p.row().number())).toList();
                pass.write(good, events).forEach(o -> done.merge(o, 1, Integer::sum));
                em.flush();
                events.flush();
                em.clear();
                handled += good.size();
                if (progress.due()) {
                    jobs.progress(claim, checked.read(), valid, checked.invalid().size(), "Writing: " + handled + " of " + valid
                            + " rows done; they count as written when the whole import is committed.");
                }
            }
        }
        Written written = new Written(done.getOrDefault(WriteOutcome.CREATED, 0), done.getOrDefault(WriteOutcome.UPDATED, 0),
                done.getOrDefault(WriteOutcome.UNCHANGED, 0));
        jobs.finishWritten(claim, written.message(checked.invalid().size()), written.created() + written.updated(),
                written.unchanged(), clock.instant());
    }

    /**
     * When a pass next writes its progress: each write is a commit of its own, so after a batch at
     * most every {@link #PROGRESS_EVERY}, not after each of them (the heartbeat has its own thread).
     */
    private static final class Progress {
        private long next = System.nanoTime();

        boolean due() {
            long now = System.nanoTime();
            if (now - next < 0) {
                return false;
            }
            next = now + PROGRESS_EVERY.toNanos();
            return true;
        }
    }

    /** The rows of the stored file, a batch at a time, each read through the kind's columns. */
    private final class Batches<T> implements AutoCloseable {
        private final KindFile<T> kind;
        private final RowReader rows;
        private final Map<String, Optional<Columns.Column>> columns = new HashMap<>();

        Batches(KindFile<T> kind, ImportJobs.Job job) throws IOException {
            this.kind = kind;
            this.rows = RowReader.of(job.format(), jobs.content(job.id()), kind.columns(), mapper);
        }

        List<KindFile.Parsed<T>> next() throws IOException {
            List<KindFile.Parsed<T>> batch = new ArrayList<>(BATCH);
            RowReader.Row row;
            while (batch.size() < BATCH && (row = rows.next()) != null) {
                if (row.unreadable() != null) {
                    // Nothing of it can be checked: the kind never sees it.
                    batch.add(new KindFile.Parsed<>(row, null, new ArrayList<>(List.of(new Violation("", row.unreadable())))));
                    continue;
                }
                Map<String, String> byName = new HashMap<>();
                List<Violation> problems = new ArrayList<>();
                row.values().forEach((header, value) -> {
                    if (header != null) {
                        column(header).ifPresent(c -> {
                            int bad = value == null ? -1 : Texts.firstUnstorable(value);
                            if (bad < 0) {
                                byName.put(c.name(), codes.codeNamedBy(c.codeLists(), value));
                            } else {
                                problems.add(new Violation(c.name(), Texts.unstorableReason(value, bad)));
                            }
                        });
                    }
                });
                if (row.values().containsKey(null)) {
                    problems.add(new Violation("", "has more values than the header has columns"));
                }
                batch.add(new KindFile.Parsed<>(row, kind.read(byName, problems), problems));
            }
            return batch;
        }

        /**
         * The column named {@code name} as the file's header names it (the Vietnamese header the
         * officer typed, or an alias), so that the report speaks of the columns they see; the
         * column's own name when the file does not have it.
         */
        String header(String name) throws IOException {
            return rows.headers().stream().filter(h -> h != null && column(h).map(c -> c.name().equals(name)).orElse(false))
                    .findFirst().orElse(name);
        }

        /**
         * What the row holds in the column named {@code name}, for the error report: its first
         * {@link #REPORTED_VALUE} characters and {@code …} when it holds more.
         */
        String value(RowReader.Row row, String name) {
            for (Map.Entry<String, String> e : row.values().entrySet()) {
                if (e.getKey() != null && column(e.getKey()).map(c -> c.name().equals(name)).orElse(false)) {
                    return reported(Texts.storable(e.getValue()));
                }
            }
            return null;
        }

        private static String reported(String value) {
            if (value == null || value.length() <= REPORTED_VALUE) {
                return value;
            }
            int end = Character.isHighSurrogate(value.charAt(REPORTED_VALUE - 1)) ? REPORTED_VALUE - 1 : REPORTED_VALUE;
            return value.substring(0, end) + "…";
        }

        private Optional<Columns.Column> column(String header) {
            return columns.computeIfAbsent(header, kind.columns()::of);
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
