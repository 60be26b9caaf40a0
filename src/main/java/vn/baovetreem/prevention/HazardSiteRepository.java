package vn.baovetreem.prevention;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.persistence.InOrder;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.common.persistence.TimeOrderedIds;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

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

/** Queries of hazard sites, their measure history and inspections, always within a scope. */
@ApplicationScoped
public class HazardSiteRepository implements PanacheRepositoryBase<HazardSite, UUID> {

    /** The latest state of each measure of a site up to a day. */
    private static final String STATES_ON = """
            select distinct on (e.site_id, e.measure) e.site_id, e.measure, e.status, e.on_date
            from hazard_measure_event e where e.site_id in (:ids) and e.on_date <= :on
            order by e.site_id, e.measure, e.on_date desc, e.recorded_at desc""";

    Optional<HazardSite> findInScope(UUID id, Scope scope) {
        return findByIdOptional(id).filter(s -> scope.contains(s.unitPath()));
    }

    Optional<HazardSite> lockInScope(UUID id, Scope scope) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(s -> scope.contains(s.unitPath()));
    }

    List<HazardSite> findAllInOrder(List<UUID> ids) {
        return InOrder.load(getEntityManager(), HazardSite.class, ids);
    }

    /** Filters of the register; every field is optional. */
    record Filter(Scope unit, String villageCode, String kind, String riskLevel, LocalDate notMitigatedOn,
                  LocalDate notInspectedSince, boolean withCoordinatesOnly) {
    }

    @SuppressWarnings("unchecked")
    List<UUID> pageOfIds(Filter f, Scope scope, PageRequest.Keyset<String> after, int limit) {
        ScopedQuery query = new ScopedQuery("select s.id from hazard_site s", scope, "s.unit_path")
                .under(f.unit())
                .equal("s.village_code", "village", f.villageCode())
                .equal("s.kind", "kind", f.kind())
                .equal("s.risk_level", "risk", f.riskLevel())
                // Known by then, and either no measure yet or some measure not installed on that day.
                .where("""
                        s.surveyed_on <= :nm and (
                            not exists (select 1 from hazard_measure_event e where e.site_id = s.id and e.on_date <= :nm)
                            or exists (select 1 from (select distinct on (e.measure) e.status from hazard_measure_event e
                                                      where e.site_id = s.id and e.on_date <= :nm
                                                      order by e.measure, e.on_date desc, e.recorded_at desc) st
                                       where st.status <> 'INSTALLED'))""", "nm", f.notMitigatedOn())
                .where("not exists (select 1 from hazard_inspection i where i.site_id = s.id and i.inspected_on >= :since)",
                        "since", f.notInspectedSince());
        if (f.withCoordinatesOnly()) {
            query.where("s.latitude is not null");
        }
        if (after != null) {
            query.append(" and (s.village_code, s.id) > (:afterVillage, :afterId)", Map.of("afterVillage", after.key(), "afterId", after.id()));
        }
        query.append(" order by s.village_code, s.id", Map.of());
        return query.build(getEntityManager(), limit).getResultList();
    }

    /** A measure as it stood on a day, and since when. */
    record MeasureState(String measure, HazardSiteRequests.MeasureStatus status, LocalDate since) {
    }

    /** Measure states of many sites on a day, in one query. */
    Map<UUID, List<MeasureState>> measuresOn(Collection<UUID> siteIds, LocalDate on) {
        Map<UUID, List<MeasureState>> states = new HashMap<>();
        if (siteIds.isEmpty()) {
            return states;
        }
        for (Row r : Row.all(getEntityManager().createNativeQuery(STATES_ON, Tuple.class)
                .setParameter("ids", siteIds).setParameter("on", on))) {
            states.computeIfAbsent(r.uuid("site_id"), k -> new ArrayList<>()).add(new MeasureState(r.text("measure"),
                    r.enumValue("status", HazardSiteRequests.MeasureStatus.class), r.date("on_date")));
        }
        return states;
    }

    /** The day of the latest inspection of each site, in one query. */
    Map<UUID, LocalDate> lastInspections(Collection<UUID> siteIds) {
        Map<UUID, LocalDate> last = new HashMap<>();
        if (!siteIds.isEmpty()) {
            Row.all(getEntityManager().createNativeQuery(
                            "select site_id, max(inspected_on) as last from hazard_inspection where site_id in (:ids) group by site_id",
                            Tuple.class).setParameter("ids", siteIds))
                    .forEach(r -> last.put(r.uuid("site_id"), r.date("last")));
        }
        return last;
    }

    void addMeasureEvent(UUID siteId, MeasureState state, UUID inspectionId, String by, Instant now) {
        getEntityManager().createNativeQuery("""
                        insert into hazard_measure_event (id, site_id, measure, status, on_date, inspection_id, recorded_at, recorded_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, TimeOrderedIds.next()).setParameter(2, siteId).setParameter(3, state.measure())
                .setParameter(4, state.status().name()).setParameter(5, state.since()).setParameter(6, inspectionId)
                .setParameter(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(8, by)
                .executeUpdate();
    }

    void addInspection(UUID id, UUID siteId, LocalDate on, String inspector, String findings, String by, Instant now) {
        getEntityManager().createNativeQuery("""
                        insert into hazard_inspection (id, site_id, inspected_on, inspector, findings, created_at, created_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, id).setParameter(2, siteId).setParameter(3, on).setParameter(4, inspector)
                .setParameter(5, findings).setParameter(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(7, by)
                .executeUpdate();
    }
}
