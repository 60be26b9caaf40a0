package vn.baovetreem.plans;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.persistence.InOrder;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Plans, their targets and the values reported for manual targets. */
@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /** A value reported for a manual target. */
    public record ReportedValue(UUID id, UUID targetId, LocalDate reportedOn, BigDecimal value, String evidence, String reporter,
                                Instant recordedAt, String recordedBy) {
    }

    /** Readable: in the caller's subtree, or the commune above a village user's village. */
    Optional<Plan> findReachable(UUID id, Scope scope) {
        return findByIdOptional(id).filter(p -> scope.reaches(p.unitPath()));
    }

    Optional<Plan> lockInScope(UUID id, Scope scope) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(p -> scope.contains(p.unitPath()));
    }

    Optional<Plan> findByCommuneAndYear(String communeCode, int year) {
        return find("communeCode = ?1 and year = ?2", communeCode, year).firstResultOptional();
    }

    List<Plan> findAllInOrder(List<UUID> ids) {
        return InOrder.load(getEntityManager(), Plan.class, ids);
    }

    /** Filters of the plan list; every field is optional. */
    record Filter(Scope unit, Integer year, PlanRequests.PlanStatus status) {
    }

    /** Plans the caller reaches, latest year first. */
    @SuppressWarnings("unchecked")
    List<UUID> pageOfIds(Filter f, Scope scope, PageRequest.Keyset<Integer> after, int limit) {
        ScopedQuery query = new ScopedQuery("select p.id from plan p", Scope.everything(), "p.unit_path")
                .under(f.unit())
                .equal("p.year", "year", f.year())
                .equal("p.status", "status", f.status() == null ? null : f.status().name());
        if (!scope.all()) {
            query.append(" and (" + scope.sql("p.unit_path") + " or cast(:scope as ltree[]) <@ p.unit_path)", scope.parameters());
        }
        if (after != null) {
            query.append(" and (p.year, p.id) < (:afterYear, :afterId)", Map.of("afterYear", after.key(), "afterId", after.id()));
        }
        query.append(" order by p.year desc, p.id desc", Map.of());
        return query.build(getEntityManager(), limit).getResultList();
    }

    /** The plans of a year of the communes in {@code unit} and the caller's scope, by commune (at most {@code limit}). */
    @SuppressWarnings("unchecked")
    List<Plan> plansOfYear(Scope unit, Scope scope, int year, int limit) {
        List<UUID> ids = new ScopedQuery("select p.id from plan p", scope, "p.unit_path").under(unit)
                .equal("p.year", "year", year).append(" order by p.commune_code", Map.of())
                .build(getEntityManager(), limit).getResultList();
        return findAllInOrder(ids);
    }

    /** The targets of a plan still in force, in order. */
    List<PlanTarget> targets(UUID planId) {
        return em().createQuery("from PlanTarget t where t.planId = ?1 and t.deletedAt is null order by t.position, t.createdAt",
                PlanTarget.class).setParameter(1, planId).getResultList();
    }

    Optional<PlanTarget> lockTarget(UUID planId, UUID targetId) {
        return Optional.ofNullable(em().find(PlanTarget.class, targetId, LockModeType.PESSIMISTIC_WRITE))
                .filter(t -> t.planId().equals(planId) && !t.deleted());
    }

    Optional<PlanTarget> findTarget(UUID planId, UUID targetId) {
        return Optional.ofNullable(em().find(PlanTarget.class, targetId)).filter(t -> t.planId().equals(planId) && !t.deleted());
    }

    void persistTarget(PlanTarget target) {
        em().persist(target);
        em().flush();
    }

    int nextPosition(UUID planId) {
        Number max = (Number) em().createNativeQuery("select coalesce(max(position), 0) from plan_target where plan_id = ?1 and deleted_at is null")
                .setParameter(1, planId).getSingleResult();
        return max.intValue() + 1;
    }

    void addValue(ReportedValue v) {
        em().createNativeQuery("""
                        insert into target_value_report (id, target_id, reported_on, value, evidence, reporter, recorded_at, recorded_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, v.id()).setParameter(2, v.targetId()).setParameter(3, v.reportedOn()).setParameter(4, v.value())
                .setParameter(5, v.evidence()).setParameter(6, v.reporter())
                .setParameter(7, OffsetDateTime.ofInstant(v.recordedAt(), ZoneOffset.UTC)).setParameter(8, v.recordedBy())
                .executeUpdate();
    }

    /** Every value reported for these targets up to {@code asOf} (all when null), latest first. */
    Map<UUID, List<ReportedValue>> values(Collection<UUID> targetIds, LocalDate asOf) {
        if (targetIds.isEmpty()) {
            return Map.of();
        }
        List<Row> rows = Row.all(em().createNativeQuery("""
                        select id, target_id, reported_on, value, evidence, reporter, recorded_at, recorded_by from target_value_report
                        where target_id in (:ids) and (cast(:asOf as date) is null or reported_on <= cast(:asOf as date))
                        order by reported_on desc, recorded_at desc""", Tuple.class)
                .setParameter("ids", targetIds).setParameter("asOf", asOf));
        Map<UUID, List<ReportedValue>> byTarget = new HashMap<>();
        for (Row r : rows) {
            byTarget.computeIfAbsent(r.uuid("target_id"), k -> new ArrayList<>()).add(new ReportedValue(r.uuid("id"),
                    r.uuid("target_id"), r.date("reported_on"), r.decimal("value"), r.text("evidence"), r.text("reporter"),
                    r.instant("recorded_at"), r.text("recorded_by")));
        }
        return byTarget;
    }

    private EntityManager em() {
        return getEntityManager();
    }
}
