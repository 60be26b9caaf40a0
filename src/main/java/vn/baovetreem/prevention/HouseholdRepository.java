package vn.baovetreem.prevention;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.persistence.InOrder;
import vn.baovetreem.common.persistence.NativeValues;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Queries of households, the children living in them and their safe-home assessments. Results
 * come from the database function {@code safe_home_result}, the one place the QĐ 548 rule is
 * written; {@code :zone} is the service's time zone, which decides the year of an injury.
 */
@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    private static final String ASSESSMENTS = """
            select a.household_id, a.year, a.checklist_version, a.assessed_on, a.assessor,
                   array_to_string(a.criteria_met, ',') as criteria_met, a.note, a.version, a.recorded_at, a.recorded_by,
                   r.criteria_met as met_count, array_to_string(r.mandatory_missing, ',') as mandatory_missing,
                   r.injuries_at_home, r.provisional, r.safe, ck.minimum_met
            from safe_home_assessment a
            join safe_home_result(:zone) r on r.household_id = a.household_id and r.year = a.year
            join safe_home_checklist ck on ck.version = a.checklist_version
            """;

    /** An assessment as stored, with the result computed from it and from the injury cases of its year. */
    record AssessmentRow(UUID householdId, int year, String checklistVersion, LocalDate assessedOn, String assessor,
                         List<String> criteriaMet, String note, long version, Instant recordedAt, String recordedBy,
                         int metCount, int minimumMet, List<String> mandatoryMissing, int injuriesAtHome, boolean provisional,
                         boolean safe) {
    }

    Optional<Household> findInScope(UUID id, Scope scope) {
        return findByIdOptional(id).filter(h -> scope.contains(h.unitPath()));
    }

    Optional<Household> lockInScope(UUID id, Scope scope) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(h -> scope.contains(h.unitPath()));
    }

    List<Household> findAllInOrder(List<UUID> ids) {
        return InOrder.load(getEntityManager(), Household.class, ids);
    }

    /** Filters of the register; every field is optional ({@code safe} goes with {@code year}). */
    record Filter(Scope unit, String villageCode, UUID childId, Integer year, Boolean safe,
                  Integer notAssessedIn) {
    }

    @SuppressWarnings("unchecked")
    List<UUID> pageOfIds(Filter f, Scope scope, String zone, PageRequest.Keyset<String> after, int limit) {
        ScopedQuery query = new ScopedQuery("select h.id from household h", scope, "h.unit_path")
                .under(f.unit())
                .equal("h.village_code", "village", f.villageCode())
                .where("exists (select 1 from household_member m where m.household_id = h.id and m.child_id = :child)",
                        "child", f.childId())
                .where("not exists (select 1 from safe_home_assessment a where a.household_id = h.id and a.year = :notIn)",
                        "notIn", f.notAssessedIn());
        if (f.year() != null) {
            String safe = f.safe() == null ? "" : (f.safe() ? " and r.safe" : " and not r.safe");
            query.append(" and exists (select 1 from safe_home_result(:zone) r where r.household_id = h.id and r.year = :year" + safe + ")",
                    Map.of("zone", zone, "year", f.year()));
        }
        if (after != null) {
            query.append(" and (h.village_code, h.id) > (:afterVillage, :afterId)", Map.of("afterVillage", after.key(), "afterId", after.id()));
        }
        query.append(" order by h.village_code, h.id", Map.of());
        return query.build(getEntityManager(), limit).getResultList();
    }

    /** The children of each household, in one query. */
    Map<UUID, List<UUID>> members(Collection<UUID> householdIds) {
        Map<UUID, List<UUID>> members = new HashMap<>();
        if (!householdIds.isEmpty()) {
            Row.all(getEntityManager().createNativeQuery(
                            "select household_id, child_id from household_member where household_id in (:ids) order by child_id",
                            Tuple.class).setParameter("ids", householdIds))
                    .forEach(r -> members.computeIfAbsent(r.uuid("household_id"), k -> new ArrayList<>()).add(r.uuid("child_id")));
        }
        return members;
    }

    /** The household each of these children lives in, where they live in one. */
    Map<UUID, UUID> householdsOf(Collection<UUID> childIds) {
        Map<UUID, UUID> of = new HashMap<>();
        if (!childIds.isEmpty()) {
            Row.all(getEntityManager().createNativeQuery(
                            "select child_id, household_id from household_member where child_id in (:ids)", Tuple.class)
                            .setParameter("ids", childIds))
                    .forEach(r -> of.put(r.uuid("child_id"), r.uuid("household_id")));
        }
        return of;
    }

    void replaceMembers(UUID householdId, Collection<UUID> childIds) {
        getEntityManager().createNativeQuery("delete from household_member where household_id = ?1")
                .setParameter(1, householdId).executeUpdate();
        for (UUID child : childIds) {
            getEntityManager().createNativeQuery("insert into household_member (household_id, child_id) values (?1, ?2)")
                    .setParameter(1, householdId).setParameter(2, child).executeUpdate();
        }
    }

    /** Moves a merged duplicate's membership to the survivor, or drops it where the survivor already lives in a household. */
    int moveMember(UUID duplicateId, UUID survivorId) {
        int moved = getEntityManager().createNativeQuery("""
                        update household_member set child_id = ?2 where child_id = ?1
                        and not exists (select 1 from household_member s where s.child_id = ?2)""")
                .setParameter(1, duplicateId).setParameter(2, survivorId).executeUpdate();
        getEntityManager().createNativeQuery("delete from household_member where child_id = ?1")
                .setParameter(1, duplicateId).executeUpdate();
        return moved;
    }

    /** The assessments of a household, latest year first. */
    List<AssessmentRow> assessments(UUID householdId, String zone) {
        return assessmentRows(" where a.household_id = :id order by a.year desc", Map.of("id", householdId, "zone", zone));
    }

    Optional<AssessmentRow> assessment(UUID householdId, int year, String zone) {
        return assessmentRows(" where a.household_id = :id and a.year = :year", Map.of("id", householdId, "year", year, "zone", zone))
                .stream().findFirst();
    }

    /** The latest assessment of each household, in one query. */
    Map<UUID, AssessmentRow> latestAssessments(Collection<UUID> householdIds, String zone) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        List<AssessmentRow> rows = assessmentRows("""
                         where a.household_id in (:ids)
                           and a.year = (select max(l.year) from safe_home_assessment l where l.household_id = a.household_id)""",
                Map.of("ids", householdIds, "zone", zone));
        return rows.stream().collect(Collectors.toMap(AssessmentRow::householdId, Function.identity()));
    }

    void insertAssessment(UUID householdId, int year, String checklistVersion, HouseholdRequests.Assessment a, String by, Instant now) {
        getEntityManager().createNativeQuery("""
                        insert into safe_home_assessment (household_id, year, checklist_version, assessed_on, assessor, criteria_met,
                                                          note, recorded_at, recorded_by)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as text[]), ?7, ?8, ?9)""")
                .setParameter(1, householdId).setParameter(2, year).setParameter(3, checklistVersion)
                .setParameter(4, a.assessedOn()).setParameter(5, a.assessor()).setParameter(6, NativeValues.array(a.criteriaMet()))
                .setParameter(7, a.note()).setParameter(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(9, by)
                .executeUpdate();
    }

    void replaceAssessment(UUID householdId, int year, String checklistVersion, HouseholdRequests.Assessment a, String by,
                           Instant now) {
        getEntityManager().createNativeQuery("""
                        update safe_home_assessment set checklist_version = ?3, assessed_on = ?4, assessor = ?5,
                               criteria_met = cast(?6 as text[]), note = ?7, recorded_at = ?8, recorded_by = ?9, version = version + 1
                        where household_id = ?1 and year = ?2""")
                .setParameter(1, householdId).setParameter(2, year).setParameter(3, checklistVersion)
                .setParameter(4, a.assessedOn()).setParameter(5, a.assessor()).setParameter(6, NativeValues.array(a.criteriaMet()))
                .setParameter(7, a.note()).setParameter(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(9, by)
                .executeUpdate();
    }

    private List<AssessmentRow> assessmentRows(String where, Map<String, Object> parameters) {
        Query query = getEntityManager().createNativeQuery(ASSESSMENTS + where, Tuple.class);
        parameters.forEach(query::setParameter);
        return Row.all(query).stream().map(r -> new AssessmentRow(r.uuid("household_id"), r.integer("year"),
                r.text("checklist_version"), r.date("assessed_on"), r.text("assessor"), split(r.text("criteria_met")),
                r.text("note"), r.bigint("version"), r.instant("recorded_at"), r.text("recorded_by"), r.integer("met_count"),
                r.integer("minimum_met"), split(r.text("mandatory_missing")), r.integer("injuries_at_home"),
                r.bool("provisional"), r.bool("safe"))).toList();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
