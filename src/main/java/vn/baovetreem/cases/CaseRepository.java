package vn.baovetreem.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.persistence.Copy;
import vn.baovetreem.common.persistence.InOrder;
import vn.baovetreem.common.persistence.JdbcRows;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Queries of cases, their timeline, plan versions and deadlines. A case is in a caller's scope when
 * it is handled there, or when a pending transfer would move it there.
 */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<ChildCase, UUID> {

    private static final Comparator<CaseDeadlines.Deadline> DUE_ORDER =
            Comparator.comparing(CaseDeadlines.Deadline::dueAt).thenComparing(CaseDeadlines.Deadline::step);

    private static final String OPEN = "c.status not in ('CLOSED', 'CLOSED_UNSUBSTANTIATED')";

    static boolean inScope(ChildCase c, Scope scope) {
        return scope.contains(c.unitPath()) || (c.transferToPath() != null && scope.contains(c.transferToPath()));
    }

    Optional<ChildCase> findInScope(UUID id, Scope scope) {
        return findByIdOptional(id).filter(c -> inScope(c, scope));
    }

    Optional<ChildCase> lockInScope(UUID id, Scope scope) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(c -> inScope(c, scope));
    }

    /** Whether {@code caseId} names a case of {@code childId} (for supports given within a case). */
    public boolean isCaseOfChild(UUID caseId, UUID childId) {
        return count("id = ?1 and childId = ?2", caseId, childId) > 0;
    }

    List<ChildCase> findAllInOrder(List<UUID> ids) {
        return InOrder.load(getEntityManager(), ChildCase.class, ids);
    }

    List<ChildCase> ofChild(UUID childId) {
        return list("childId", childId);
    }

    /** Filters of the case list; every field is optional. */
    record Filter(Scope unit, CaseType type, String abuseForm, CaseState status, String riskLevel,
                  String assignedOfficer, UUID childId, Instant receivedFrom, Instant receivedTo, Instant overdueAt,
                  Instant dueBefore) {
    }

    @SuppressWarnings("unchecked")
    List<UUID> pageOfIds(Filter f, Scope scope, PageRequest.Keyset<Instant> after, int limit) {
        ScopedQuery query = new ScopedQuery("select c.id from child_case c", scope, "c.unit_path", "c.transfer_to_path")
                .under(f.unit())
                .equal("c.type", "type", f.type() == null ? null : f.type().name())
                .where("c.abuse_forms @> jsonb_build_array(cast(:form as text))", "form", f.abuseForm())
                .equal("c.status", "status", f.status() == null ? null : f.status().name())
                .equal("c.risk_level", "risk", f.riskLevel())
                .equal("c.assigned_officer", "officer", f.assignedOfficer())
                .equal("c.child_id", "childId", f.childId())
                .where("c.received_at >= :receivedFrom", "receivedFrom", utc(f.receivedFrom()))
                .where("c.received_at < :receivedTo", "receivedTo", utc(f.receivedTo()))
                .where(OPEN + " and exists (select 1 from case_deadline d where d.case_id = c.id and d.met_at is null"
                        + " and d.due_at < :overdueAt)", "overdueAt", utc(f.overdueAt()))
                .where(OPEN + " and exists (select 1 from case_deadline d where d.case_id = c.id and d.met_at is null"
                        + " and d.due_at < :dueBefore)", "dueBefore", utc(f.dueBefore()));
        if (after != null) {
            query.append(" and (c.received_at, c.id) < (:afterReceived, :afterId)",
                    Map.of("afterReceived", utc(after.key()), "afterId", after.id()));
        }
        query.append(" order by c.received_at desc, c.id desc", Map.of());
        return query.build(getEntityManager(), limit).getResultList();
    }

    /** The next number of {@code communeCode} in {@code year}, taken atomically. */
    int nextNumber(String communeCode, int year) {
        Object next = getEntityManager().createNativeQuery("""
                        insert into case_number_counter (commune_code, year, last_number) values (?1, ?2, 1)
                        on conflict (commune_code, year) do update set last_number = case_number_counter.last_number + 1
                        returning last_number""")
                .setParameter(1, communeCode).setParameter(2, year).getSingleResult();
        return ((Number) next).intValue();
    }

    /** One entry of the timeline as stored. */
    record EventRow(UUID id, CaseEventKind kind, String action, String fromState, String toState, Instant occurredAt,
                    Instant recordedAt, String recordedBy, String note, String data) {
    }

    /**
     * Adds {@code e} to the timeline of the case, which is in the database already (its callers
     * flush a new or changed case first): with JDBC, as a Hibernate query would flush the session
     * and check every loaded record for changes once more.
     */
    void appendEvent(UUID caseId, EventRow e) {
        JdbcRows.update(getEntityManager(), """
                        insert into case_event (id, case_id, kind, action, from_state, to_state, occurred_at, recorded_at,
                                                recorded_by, note, data)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""",
                e.id(), caseId, e.kind().name(), e.action(), e.fromState(), e.toState(), utc(e.occurredAt()), utc(e.recordedAt()),
                e.recordedBy(), e.note(), e.data());
    }

    /** The timeline in the order it was written. */
    List<EventRow> events(UUID caseId) {
        return Row.all(getEntityManager().createNativeQuery("""
                        select id, kind, action, from_state, to_state, occurred_at, recorded_at, recorded_by, note,
                               cast(data as text) as data
                        from case_event where case_id = ?1 order by seq""", Tuple.class)
                        .setParameter(1, caseId))
                .stream().map(r -> new EventRow(r.uuid("id"), r.enumValue("kind", CaseEventKind.class), r.text("action"),
                        r.text("from_state"), r.text("to_state"), r.instant("occurred_at"), r.instant("recorded_at"),
                        r.text("recorded_by"), r.text("note"), r.text("data"))).toList();
    }

    /** One version of a plan as stored; {@code items} is its JSON array. */
    record PlanRow(int number, String items, long totalCostVnd, String note, Instant createdAt, String createdBy) {
    }

    void addPlanVersion(UUID caseId, PlanRow plan) {
        getEntityManager().createNativeQuery("""
                        insert into case_plan_version (case_id, number, items, total_cost_vnd, note, created_at, created_by)
                        values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6, ?7)""")
                .setParameter(1, caseId).setParameter(2, plan.number()).setParameter(3, plan.items())
                .setParameter(4, plan.totalCostVnd()).setParameter(5, plan.note()).setParameter(6, utc(plan.createdAt()))
                .setParameter(7, plan.createdBy())
                .executeUpdate();
    }

    Optional<PlanRow> planVersion(UUID caseId, int number) {
        return Row.all(getEntityManager().createNativeQuery("""
                        select number, cast(items as text) as items, total_cost_vnd, note, created_at, created_by
                        from case_plan_version where case_id = ?1 and number = ?2""", Tuple.class)
                        .setParameter(1, caseId).setParameter(2, number))
                .stream().findFirst().map(r -> new PlanRow(r.integer("number"), r.text("items"), r.bigint("total_cost_vnd"),
                        r.text("note"), r.instant("created_at"), r.text("created_by")));
    }

    /**
     * Replaces the deadlines of the cases in {@code byCase} with the ones given, where they differ
     * from {@code stored} (as read in the same transaction): one {@code DELETE} and one {@code COPY}
     * however many cases there are.
     * Most steps of a case move none of its deadlines, and rewriting them cost a transition as much
     * database time as the rest of it.
     */
    void replaceDeadlines(Map<UUID, List<CaseDeadlines.Deadline>> byCase, Map<UUID, List<CaseDeadlines.Deadline>> stored) {
        Map<UUID, List<CaseDeadlines.Deadline>> changed = new LinkedHashMap<>();
        byCase.forEach((caseId, deadlines) -> {
            if (!asRead(deadlines).equals(asRead(stored.getOrDefault(caseId, List.of())))) {
                changed.put(caseId, deadlines);
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("delete from case_deadline where case_id = any(?1)")
                .setParameter(1, changed.keySet().toArray(UUID[]::new)).executeUpdate();
        Copy rows = Copy.into("case_deadline", "case_id", "step", "due_at", "met_at");
        changed.forEach((caseId, deadlines) -> deadlines.forEach(d -> rows.row(caseId, d.step().name(), d.dueAt(), d.metAt())));
        rows.send(getEntityManager());
    }

    /** {@code deadlines} as a read of them answers: to the microsecond, as PostgreSQL keeps them, each case's in {@link #DUE_ORDER}. */
    static List<CaseDeadlines.Deadline> asRead(List<CaseDeadlines.Deadline> deadlines) {
        return deadlines.stream()
                .map(d -> new CaseDeadlines.Deadline(d.step(), JdbcRows.microseconds(d.dueAt()), JdbcRows.microseconds(d.metAt())))
                .sorted(DUE_ORDER).toList();
    }

    /**
     * The stored deadlines of many cases, in one query: each case's by due time, those due together
     * in the order of the process, so that a case reads the same every time it is asked for.
     */
    Map<UUID, List<CaseDeadlines.Deadline>> deadlines(Collection<UUID> caseIds) {
        Map<UUID, List<CaseDeadlines.Deadline>> byCase = new HashMap<>();
        if (!caseIds.isEmpty()) {
            // No entity maps case_deadline (only this class writes it, by SQL): nothing of the session needs flushing first.
            JdbcRows.AnyOf any = new JdbcRows.AnyOf("case_id", "uuid", caseIds);
            JdbcRows.list(getEntityManager(), "select case_id, step, due_at, met_at from case_deadline where " + any.condition(),
                    r -> Map.entry(r.getObject(1, UUID.class), new CaseDeadlines.Deadline(CaseDeadlines.Step.valueOf(r.getString(2)),
                            JdbcRows.instant(r, 3), JdbcRows.instant(r, 4))),
                    any.parameter())
                    .forEach(e -> byCase.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            byCase.values().forEach(list -> list.sort(DUE_ORDER));
        }
        return byCase;
    }

    /** Up to {@code limit} cases after {@code after} (by id) that have no deadline at all: cases written by SQL. */
    List<ChildCase> withoutDeadlines(UUID after, int limit) {
        return after(after, limit, "not exists (select 1 from case_deadline d where d.case_id = c.id)");
    }

    /** Up to {@code limit} open cases after {@code after} (by id): the cases whose deadlines a change of the calendar moves. */
    List<ChildCase> openAfter(UUID after, int limit) {
        return after(after, limit, OPEN);
    }

    @SuppressWarnings("unchecked")
    private List<ChildCase> after(UUID after, int limit, String condition) {
        List<UUID> ids = getEntityManager().createNativeQuery("select c.id from child_case c where " + condition
                        + " and c.id > ?1 order by c.id limit ?2")
                .setParameter(1, after).setParameter(2, limit).getResultList();
        return findAllInOrder(ids);
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The cases of these children. */
    @SuppressWarnings("unchecked")
    List<UUID> idsOfChildren(List<UUID> childIds) {
        return getEntityManager().createNativeQuery("select id from child_case where child_id = any(?1)")
                .setParameter(1, childIds.toArray(UUID[]::new)).getResultList();
    }

    /**
     * Erases what identifies anyone in these cases (the retention rule): the summary, the reporter,
     * the separation's extension, the timeline's notes and data, and in each plan who was
     * responsible and what was to be done; the measures, dates and costs stay.
     */
    void anonymise(List<UUID> caseIds, Instant at) {
        UUID[] ids = caseIds.toArray(UUID[]::new);
        getEntityManager().createNativeQuery("""
                        update child_case set summary = null, reporter = null, separation_extension = null,
                               version = version + 1, updated_at = ?2
                        where id = any(?1)""")
                .setParameter(1, ids).setParameter(2, at).executeUpdate();
        getEntityManager().createNativeQuery(
                        "update case_event set note = null, data = null where case_id = any(?1) and (note is not null or data is not null)")
                .setParameter(1, ids).executeUpdate();
        getEntityManager().createNativeQuery("""
                        update case_plan_version p set note = null, items = (
                            select coalesce(jsonb_agg(i.item - 'description' - 'provider'
                                                      || jsonb_build_object('responsiblePerson', '***') order by i.n), '[]')
                            from jsonb_array_elements(p.items) with ordinality i(item, n))
                        where p.case_id = any(?1)""")
                .setParameter(1, ids).executeUpdate();
    }
}
