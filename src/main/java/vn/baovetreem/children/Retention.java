package vn.baovetreem.children;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.audit.RecordRef;
import vn.baovetreem.common.http.HttpConfig;
import vn.baovetreem.common.http.IdempotencyRecords;
import vn.baovetreem.common.text.Texts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The retention rule (docs/privacy.md): a child's record is kept for {@code keep-for} after the
 * child left care, then anonymised: names, identifiers, addresses, contacts, reporters and free
 * text are erased, here and in every feature's records ({@link ChildDataParticipant}) and audit
 * states, while every value an indicator counts stays, so the indicators of past periods do not
 * change. Uploaded import files and stored idempotent answers, which copy children's data, are
 * erased after their own, shorter periods.
 */
@ApplicationScoped
public class Retention {

    /** Who the audit trail names for the anonymisation. */
    static final String ACTOR = "retention-rule";
    /** What an anonymised record shows in place of the child's name. */
    static final String ANONYMOUS = "(đã ẩn danh)";

    @ConfigMapping(prefix = "cp.retention")
    public interface Config {
        /** The age at which a child who stayed in the commune leaves care: adulthood (Civil Code Art. 20). */
        @WithDefault("18")
        int adultAge();

        /** How long a record is kept after the child left care (or after the last case or support ended). */
        @WithDefault("P5Y")
        Period keepFor();

        /** How long a finished import keeps its uploaded file and the cells of its error report. */
        @WithDefault("P30D")
        Period importFilesFor();

        /** Records anonymised per transaction. */
        @WithDefault("200")
        int batchSize();

        /** When {@link RetentionJob} runs: a cron expression, or {@code off}. */
        @WithDefault("0 30 2 * * ?")
        String schedule();
    }

    /** What happened in one run. */
    public record Outcome(int childrenAnonymised, int importFilesErased, int idempotentAnswersDeleted) {
    }

    /** When a record falls due (schema {@code RetentionStatus}); {@code dueOn} is absent while the child is in care. */
    public record Status(String rule, LocalDate leftCareOn, LocalDate dueOn, Instant anonymisedAt) {
    }

    private final RetentionRepository repository;
    private final IdempotencyRecords idempotency;
    private final Instance<ChildDataParticipant> participants;
    private final AuditTrail audit;
    private final Config config;
    private final HttpConfig http;
    private final Clock clock;

    Retention(RetentionRepository repository, IdempotencyRecords idempotency, Instance<ChildDataParticipant> participants,
              AuditTrail audit, Config config, HttpConfig http, Clock clock) {
        this.repository = repository;
        this.idempotency = idempotency;
        this.participants = participants;
        this.audit = audit;
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    /** The rule in words, as the personal-data report and the documentation state it. */
    String rule() {
        Period keep = config.keepFor();
        String length = keep.getMonths() == 0 && keep.getDays() == 0 ? keep.getYears() + " năm" : keep.toString();
        return "Hồ sơ được ẩn danh sau " + length + " kể từ khi trẻ " + config.adultAge()
                + " tuổi, chuyển đi hoặc qua đời, hoặc từ khi vụ việc, hỗ trợ cuối cùng kết thúc nếu muộn hơn;"
                + " không ẩn danh khi còn vụ việc chưa đóng hoặc hỗ trợ đang thực hiện.";
    }

    /** Where {@code child} stands under the rule. */
    Status status(Child child) {
        RetentionRepository.Clock started = repository.clock(child.id(), config.adultAge(), clock.getZone());
        LocalDate leftCare = started.leftCareOn();
        boolean inCare = started.inCare();
        LocalDate due = inCare || leftCare == null || child.anonymisedAt() != null ? null : leftCare.plus(config.keepFor());
        return new Status(rule(), leftCare, due, child.anonymisedAt());
    }

    /**
     * One run of the rule: every record due is anonymised, a batch per transaction; records
     * another instance is anonymising at the same moment are skipped (it has them).
     */
    @ActivateRequestContext
    public Outcome run() {
        int children = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::anonymiseNextBatch);
            children += batch;
        } while (batch == config.batchSize());
        int files = QuarkusTransaction.requiringNew().call(this::eraseImportFiles);
        int answers = QuarkusTransaction.requiringNew().call(this::deleteIdempotentAnswers);
        return new Outcome(children, files, answers);
    }

    private int anonymiseNextBatch() {
        LocalDate lastDay = LocalDate.now(clock).minus(config.keepFor());
        List<UUID> due = repository.lockDue(lastDay, config.adultAge(), clock.getZone(), config.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        anonymise(due);
        return due.size();
    }

    /** Anonymises {@code due} and the duplicates merged into them, in the current transaction. */
    private void anonymise(List<UUID> due) {
        repository.allowErasureInThisTransaction();
        List<UUID> merged = repository.lockMergedInto(due);
        List<UUID> all = Stream.concat(due.stream(), merged.stream()).toList();
        List<RecordRef> records = new ArrayList<>(all.stream().map(id -> new RecordRef(ChildService.RECORD_TYPE, id.toString())).toList());
        participants.forEach(p -> records.addAll(p.records(all)));
        Instant now = clock.instant();
        String folded = Texts.fold(ANONYMOUS);
        repository.erase(all, ANONYMOUS, folded, Child.sortKey(folded), now);
        participants.forEach(p -> p.anonymise(all));
        audit.eraseStates(records);
        AuditTrail.Buffer events = audit.buffer();
        repository.unitPaths(due).forEach((id, path) -> events.add("ANONYMISE", ChildService.RECORD_TYPE, id.toString(), path, null, null));
        events.flushAs(ACTOR);
    }

    private int eraseImportFiles() {
        return repository.eraseImportFiles(OffsetDateTime.now(clock).minus(config.importFilesFor()), OffsetDateTime.now(clock));
    }

    private int deleteIdempotentAnswers() {
        return idempotency.expireAll(http.idempotencyKeyTtl());
    }
}
