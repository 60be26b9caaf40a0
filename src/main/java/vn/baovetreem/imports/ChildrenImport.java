package vn.baovetreem.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.children.Child;
import vn.baovetreem.children.ChildDetails;
import vn.baovetreem.children.ChildImport;
import vn.baovetreem.children.ChildImport.MatchBy;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.security.Scope;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A children file, in two passes over the stored file, a batch of rows at a time: the first
 * checks every row (as {@code POST /children} would, plus keys repeated within the file and the
 * match an upsert needs) and reports every problem; the second writes the good rows in one
 * transaction, so an import is written whole or not at all.
 */
@ApplicationScoped
class ChildrenImport {

    static final int BATCH = 500;
    /** The most problems stored per job; the counts stay exact beyond it. */
    static final int MAX_ERRORS = 10_000;
    /** The most rows a file may have. */
    static final int MAX_ROWS = 200_000;
    /** How long a pass may hold its transaction: far more than the largest file needs. */
    static final int TRANSACTION_SECONDS = 3600;

    private final ImportJobs jobs;
    private final ChildImport registry;
    private final AuditTrail audit;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    ChildrenImport(ImportJobs jobs, ChildImport registry, AuditTrail audit, EntityManager em, ObjectMapper mapper, Clock clock) {
        this.jobs = jobs;
        this.registry = registry;
        this.audit = audit;
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What the first pass found: the rows read and the numbers of the rows not to write. */
    record Checked(int read, Set<Integer> invalid) {
    }

    /** What the second pass did. */
    record Written(int created, int updated, int unchanged) {
    }

    /** A row read into the registry's terms, with what is wrong with it. */
    private record Parsed(RowReader.Row row, ChildDetails details, List<Violation> problems) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = TRANSACTION_SECONDS)
    Checked check(ImportJobs.Job job, Scope scope) throws IOException {
        MatchBy matchBy = job.matchBy();
        ChildImport.Villages villages = registry.villages();
        Set<String> personalIds = new HashSet<>();
        Set<String> externalRefs = new HashSet<>();
        Set<Integer> invalid = new HashSet<>();
        int read = 0;
        int stored = 0;
        try (RowReader rows = RowReader.of(job.format(), jobs.content(job.id()), mapper)) {
            Map<String, Optional<ChildColumns.Column>> columns = new HashMap<>();
            List<Parsed> batch;
            while (!(batch = batch(rows, columns)).isEmpty()) {
                ChildImport.Holders holders = registry.holders(batch.stream().map(Parsed::details).toList());
                List<ImportJobs.Error> errors = new ArrayList<>();
                for (Parsed p : batch) {
                    if (++read > MAX_ROWS) {
                        throw new RowReader.Malformed("The file has more than " + MAX_ROWS + " rows; split it.");
                    }
                    List<Violation> problems = new ArrayList<>(p.problems());
                    if (p.details().personalId() != null && !personalIds.add(p.details().personalId())) {
                        problems.add(new Violation("personalId", "is given to an earlier row of the file too"));
                    }
                    if (p.details().externalRef() != null && !externalRefs.add(p.details().externalRef())) {
                        problems.add(new Violation("externalRef", "is given to an earlier row of the file too"));
                    }
                    if (problems.isEmpty()) {
                        problems.addAll(assess(p.details(), job.mode(), matchBy, holders, scope, villages).problems());
                    }
                    if (!problems.isEmpty()) {
                        invalid.add(p.row().number());
                        problems.forEach(v -> errors.add(new ImportJobs.Error(p.row().number(), column(v.field()),
                                value(p.row(), column(v.field())), v.message())));
                    }
                }
                int room = Math.max(0, MAX_ERRORS - stored);
                List<ImportJobs.Error> kept = errors.subList(0, Math.min(room, errors.size()));
                jobs.addErrors(job.id(), kept, stored);
                stored += kept.size();
                jobs.progress(job.id(), read, read - invalid.size(), invalid.size(), 0, 0, clock.instant());
                em.clear();
            }
        }
        return new Checked(read, invalid);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = TRANSACTION_SECONDS)
    Written write(ImportJobs.Job job, Scope scope, Checked checked) throws IOException {
        MatchBy matchBy = job.matchBy();
        ChildImport.Villages villages = registry.villages();
        em.unwrap(Session.class).setJdbcBatchSize(BATCH);
        AuditTrail.Buffer events = audit.buffer();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        try (RowReader rows = RowReader.of(job.format(), jobs.content(job.id()), mapper)) {
            Map<String, Optional<ChildColumns.Column>> columns = new HashMap<>();
            List<Parsed> batch;
            while (!(batch = batch(rows, columns)).isEmpty()) {
                List<Parsed> good = batch.stream().filter(p -> !checked.invalid().contains(p.row().number())).toList();
                ChildImport.Holders holders = registry.holders(good.stream().map(Parsed::details).toList());
                for (Parsed p : good) {
                    Assessed row = assess(p.details(), job.mode(), matchBy, holders, scope, villages);
                    if (!row.problems().isEmpty()) {
                        throw new RegistryChanged(p.row().number(), row.problems().getFirst());
                    }
                    switch (registry.write(row.valid(), row.match(), job.username(), villages, events)) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case UNCHANGED -> unchanged++;
                    }
                }
                em.flush();
                events.flush();
                em.clear();
                jobs.progress(job.id(), checked.read(), checked.read() - checked.invalid().size(), checked.invalid().size(),
                        created + updated, unchanged, clock.instant());
            }
        }
        return new Written(created, updated, unchanged);
    }

    /** A row checked against the registry: the cleaned row and the record it updates, or its problems. */
    private record Assessed(ChildImport.Valid valid, Child match, List<Violation> problems) {
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

    /** What the file itself cannot show about a row: the registry's rules, the key and the match. */
    private Assessed assess(ChildDetails details, ImportMode mode, MatchBy matchBy, ChildImport.Holders holders, Scope scope,
                            ChildImport.Villages villages) {
        String field = matchBy == MatchBy.PERSONAL_ID ? "personalId" : "externalRef";
        Child match = holders.of(details, matchBy);
        if (mode == ImportMode.UPSERT && ChildImport.key(details, matchBy) == null) {
            return new Assessed(null, null, List.of(new Violation(field, "is required to match records in upsert mode")));
        }
        if (mode == ImportMode.CREATE && match != null) {
            return new Assessed(null, null, List.of(new Violation(field, "is registered already (use upsert mode to update the record)")));
        }
        try {
            ChildImport.Valid valid = registry.check(details, match, scope, villages);
            return new Assessed(valid, match, registry.identifierProblems(valid.details(), match, scope, holders));
        } catch (ApiException.BadRequest e) {
            return new Assessed(null, null, e.violations());
        }
    }

    private static List<Parsed> batch(RowReader rows, Map<String, Optional<ChildColumns.Column>> columns) throws IOException {
        List<Parsed> batch = new ArrayList<>(BATCH);
        RowReader.Row row;
        while (batch.size() < BATCH && (row = rows.next()) != null) {
            Map<String, String> byName = new HashMap<>();
            row.values().forEach((header, value) -> {
                if (header != null) {
                    columns.computeIfAbsent(header, ChildColumns::of).ifPresent(c -> byName.put(c.name(), value));
                }
            });
            List<Violation> problems = new ArrayList<>();
            if (row.values().containsKey(null)) {
                problems.add(new Violation("", "has more values than the header has columns"));
            }
            batch.add(new Parsed(row, ChildColumns.details(byName, problems), problems));
        }
        return batch;
    }

    /** The file column a violation of the request body is about ({@code caregivers[0].phone} is {@code caregiverPhone}). */
    private static String column(String field) {
        if (field == null || !field.startsWith("caregivers[")) {
            return field;
        }
        String part = field.substring(field.indexOf(']') + 1).replace(".", "");
        return part.isEmpty() ? "caregiverName" : "caregiver" + Character.toUpperCase(part.charAt(0)) + part.substring(1);
    }

    private static String value(RowReader.Row row, String field) {
        for (Map.Entry<String, String> e : row.values().entrySet()) {
            if (e.getKey() != null && ChildColumns.of(e.getKey()).map(c -> c.name().equals(field)).orElse(false)) {
                return e.getValue();
            }
        }
        return null;
    }
}
