package vn.baovetreem.children;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.persistence.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The statements of the retention rule ({@link Retention}): when a record's clock starts, which
 * records are due, and the erasure of a child's own texts and of uploaded import files. (The
 * imports feature builds on the registry, so the rule erases its files here rather than call it.)
 */
@ApplicationScoped
public class RetentionRepository {

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

    /** Where a record stands: the day the child left care (its clock's start), and whether the child is still in care. */
    record Clock(LocalDate leftCareOn, boolean inCare) {
    }

    private final EntityManager em;

    RetentionRepository(EntityManager em) {
        this.em = em;
    }

    Clock clock(UUID childId, int adultAge, ZoneId zone) {
        Row row = Row.all(em.createNativeQuery("select " + LEFT_CARE + " as left_care, " + IN_CARE + " as in_care"
                        + " from child c where c.id = :id", Tuple.class)
                .setParameter("adultAge", adultAge).setParameter("zone", zone.getId()).setParameter("id", childId)).getFirst();
        return new Clock(row.date("left_care"), row.bool("in_care"));
    }

    /**
     * Up to {@code limit} records whose clock started on or before {@code lastDay} and whose child
     * is out of care, locked; records another transaction holds are skipped (it has them).
     */
    @SuppressWarnings("unchecked")
    List<UUID> lockDue(LocalDate lastDay, int adultAge, ZoneId zone, int limit) {
        // Only adults and children who left early can be due: the indexed test keeps the scan off everyone else.
        // No order: the first rows found will do, and the scan stops there instead of sorting every record due.
        return em.createNativeQuery("select c.id from child c where c.anonymised_at is null and c.status <> 'MERGED'"
                        + " and (c.date_of_birth <= :bornBy or (c.status in ('MOVED_AWAY', 'DECEASED') and c.status_date <= :lastDay))"
                        + " and " + LEFT_CARE + " <= :lastDay and not " + IN_CARE
                        + " limit :limit for update of c skip locked")
                .setParameter("adultAge", adultAge).setParameter("zone", zone.getId())
                .setParameter("bornBy", lastDay.minusYears(adultAge))
                .setParameter("lastDay", lastDay).setParameter("limit", limit)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    /** The duplicates merged into {@code survivors}, locked. */
    @SuppressWarnings("unchecked")
    List<UUID> lockMergedInto(List<UUID> survivors) {
        return em.createNativeQuery("select id from child where merged_into_id = any(?1) for update")
                .setParameter(1, survivors.toArray(UUID[]::new)).getResultList();
    }

    /**
     * Lets the append-only and audit-state triggers pass the erasures of the current transaction
     * (here and in every feature's records), and nothing after it.
     */
    void allowErasureInThisTransaction() {
        em.createNativeQuery("select set_config('cp.erasing_personal_data', 'on', true)").getSingleResult();
    }

    /**
     * Erases the registry's texts of {@code ids}: the child's identifiers, names, address, contacts
     * and notes (what was held is kept as yes/no), the spans' notes and the consents' givers.
     */
    void erase(List<UUID> ids, String anonymous, String folded, String sortKey, Instant at) {
        UUID[] array = ids.toArray(UUID[]::new);
        em.createNativeQuery("""
                        update child set had_personal_id = personal_id is not null,
                               had_health_insurance_card = health_insurance_card is not null,
                               had_caregiver_phone = cardinality(caregiver_phones) > 0,
                               personal_id = null, full_name = ?2, search_name = ?3, sort_name = ?4, address = null,
                               health_insurance_card = null, caregivers = '[]', caregiver_phones = '{}',
                               continuing_support_reason = null, external_ref = null, note = null, status_note = null,
                               anonymised_at = ?5, version = version + 1, updated_at = ?5
                        where id = any(?1)""")
                .setParameter(1, array).setParameter(2, anonymous).setParameter(3, folded)
                .setParameter(4, sortKey).setParameter(5, at).executeUpdate();
        em.createNativeQuery("update child_episode set note = null, end_reason = null where child_id = any(?1)")
                .setParameter(1, array).executeUpdate();
        em.createNativeQuery("update child_consent set giver_name = ?2, note = null, withdrawal_reason = null where child_id = any(?1)")
                .setParameter(1, array).setParameter(2, anonymous).executeUpdate();
    }

    /** The unit path of each of {@code ids}, for their audit events. */
    Map<UUID, String> unitPaths(List<UUID> ids) {
        return Row.all(em.createNativeQuery("select id, cast(unit_path as text) as unit_path from child where id = any(?1)", Tuple.class)
                        .setParameter(1, ids.toArray(UUID[]::new))).stream()
                .collect(Collectors.toMap(r -> r.uuid("id"), r -> r.text("unit_path")));
    }

    /**
     * Empties the uploaded file and the cells of the error report of every import finished before
     * {@code before}; how many jobs.
     */
    @SuppressWarnings("unchecked")
    int eraseImportFiles(OffsetDateTime before, OffsetDateTime now) {
        List<UUID> jobs = em.createNativeQuery("""
                        update import_job set content = ''::bytea, file_erased_at = ?2
                        where status in ('SUCCEEDED', 'FAILED') and finished_at < ?1 and file_erased_at is null returning id""")
                .setParameter(1, before).setParameter(2, now).getResultList();
        if (!jobs.isEmpty()) {
            em.createNativeQuery("update import_error set value = null where job_id = any(?1) and value is not null")
                    .setParameter(1, jobs.toArray(UUID[]::new)).executeUpdate();
        }
        return jobs.size();
    }
}
