package vn.baovetreem.children;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.audit.RecordRef;
import vn.baovetreem.common.http.HttpConfig;
import vn.baovetreem.common.persistence.Row;
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

    /**
     * The day a record's clock starts, as SQL over {@code c}: the day the child left care (the
     * adult age, or moving away or death when earlier), or the end of the last case, support or
     * span when later. Parameters {@code :adultAge} and {@code :zone}.
     */
    private static final String LEFT_CARE = """
            greatest(
                case when c.status in ('MOVED_AWAY', 'DECEASED')
                     then least(c.status_date, cast(c.date_of_birth + make_interval(years => :adultAge) as date))
                     else cast(c.date_of_birth + make_interval(years => :adultAge) as date) end,
                (select max(coalesce(i.end_date, i.start_date)) from intervention i where i.child_id = c.id),
                (select max(cast(cc.closed_at at time zone :zone as date)) from child_case cc where cc.child_id = c.id),
                (select max(e.end_date) from child_episode e where e.child_id = c.id))""";

    /** True while the child is still in care: a case not closed or a support planned or going on. */
    private static final String IN_CARE = """
            (exists (select 1 from child_case cc where cc.child_id = c.id and cc.closed_at is null)
             or exists (select 1 from intervention i where i.child_id = c.id and i.status in ('PLANNED', 'ONGOING')))""";

    /** What happened in one run. */
    public record Outcome(int childrenAnonymised, int importFilesErased, int idempotentAnswersDeleted) {
    }

    /** When a record falls due (schema {@code RetentionStatus}); {@code dueOn} is absent while the child is in care. */
    public record Status(String rule, LocalDate leftCareOn, LocalDate dueOn, Instant anonymisedAt) {
    }

    private final EntityManager em;
    private final Instance<ChildDataParticipant> participants;
    private final AuditTrail audit;
    private final Config config;
    private final HttpConfig http;
    private final Clock clock;

    Retention(EntityManager em, Instance<ChildDataParticipant> participants, AuditTrail audit, Config config, HttpConfig http,
              Clock clock) {
        this.em = em;
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
        Row row = Row.all(em.createNativeQuery("select " + LEFT_CARE + " as left_care, " + IN_CARE + " as in_care"
                        + " from child c where c.id = :id", Tuple.class)
                .setParameter("adultAge", config.adultAge()).setParameter("zone", clock.getZone().getId())
                .setParameter("id", child.id())).getFirst();
        LocalDate leftCare = row.date("left_care");
        boolean inCare = row.bool("in_care");
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
        // Only adults and children who left early can be due: the indexed test keeps the scan off everyone else.
        // No order: the first rows found will do, and the scan stops there instead of sorting every record due.
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("select c.id from child c where c.anonymised_at is null and c.status <> 'MERGED'"
                        + " and (c.date_of_birth <= :bornBy or (c.status in ('MOVED_AWAY', 'DECEASED') and c.status_date <= :lastDay))"
                        + " and " + LEFT_CARE + " <= :lastDay and not " + IN_CARE
                        + " limit :limit for update of c skip locked")
                .setParameter("adultAge", config.adultAge()).setParameter("zone", clock.getZone().getId())
                .setParameter("bornBy", lastDay.minusYears(config.adultAge()))
                .setParameter("lastDay", lastDay).setParameter("limit", config.batchSize())
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        anonymise(due);
        return due.size();
    }

    /** Anonymises {@code due} and the duplicates merged into them, in the current transaction. */
    private void anonymise(List<UUID> due) {
        em.createNativeQuery("select set_config('cp.erasing_personal_data', 'on', true)").getSingleResult();
        @SuppressWarnings("unchecked")
        List<UUID> merged = em.createNativeQuery("select id from child where merged_into_id = any(?1) for update")
                .setParameter(1, due.toArray(UUID[]::new)).getResultList();
        List<UUID> all = Stream.concat(due.stream(), merged.stream()).toList();
        UUID[] ids = all.toArray(UUID[]::new);
        List<RecordRef> records = new ArrayList<>(all.stream().map(id -> new RecordRef(ChildService.RECORD_TYPE, id.toString())).toList());
        participants.forEach(p -> records.addAll(p.records(all)));
        Instant now = clock.instant();
        String folded = Texts.fold(ANONYMOUS);
        em.createNativeQuery("""
                        update child set had_personal_id = personal_id is not null,
                               had_health_insurance_card = health_insurance_card is not null,
                               had_caregiver_phone = cardinality(caregiver_phones) > 0,
                               personal_id = null, full_name = ?2, search_name = ?3, sort_name = ?4, address = null,
                               health_insurance_card = null, caregivers = '[]', caregiver_phones = '{}',
                               continuing_support_reason = null, external_ref = null, note = null, status_note = null,
                               anonymised_at = ?5, version = version + 1, updated_at = ?5
                        where id = any(?1)""")
                .setParameter(1, ids).setParameter(2, ANONYMOUS).setParameter(3, folded)
                .setParameter(4, Child.sortKey(folded)).setParameter(5, now).executeUpdate();
        em.createNativeQuery("update child_episode set note = null, end_reason = null where child_id = any(?1)")
                .setParameter(1, ids).executeUpdate();
        em.createNativeQuery("update child_consent set giver_name = ?2, note = null, withdrawal_reason = null where child_id = any(?1)")
                .setParameter(1, ids).setParameter(2, ANONYMOUS).executeUpdate();
        participants.forEach(p -> p.anonymise(all));
        audit.eraseStates(records);
        List<Row> placed = Row.all(em.createNativeQuery("select id, cast(unit_path as text) as unit_path from child where id = any(?1)",
                Tuple.class).setParameter(1, due.toArray(UUID[]::new)));
        AuditTrail.Buffer events = audit.buffer();
        placed.forEach(row -> events.add("ANONYMISE", ChildService.RECORD_TYPE, row.uuid("id").toString(), row.text("unit_path"),
                null, null));
        events.flushAs(ACTOR);
    }

    private int eraseImportFiles() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(config.importFilesFor());
        @SuppressWarnings("unchecked")
        List<UUID> jobs = em.createNativeQuery("""
                        update import_job set content = ''::bytea, file_erased_at = ?2
                        where status in ('SUCCEEDED', 'FAILED') and finished_at < ?1 and file_erased_at is null returning id""")
                .setParameter(1, before).setParameter(2, OffsetDateTime.now(clock)).getResultList();
        if (!jobs.isEmpty()) {
            em.createNativeQuery("update import_error set value = null where job_id = any(?1) and value is not null")
                    .setParameter(1, jobs.toArray(UUID[]::new)).executeUpdate();
        }
        return jobs.size();
    }

    private int deleteIdempotentAnswers() {
        return em.createNativeQuery("delete from idempotency_record where created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, http.idempotencyKeyTtl().toSeconds()).executeUpdate();
    }
}
