package vn.baovetreem.interventions;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import vn.baovetreem.security.Scope;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Queries of supports: keyset pages of ids in the caller's scope, newest start first. */
@ApplicationScoped
public class InterventionRepository implements PanacheRepositoryBase<Intervention, UUID> {

    Optional<Intervention> findInScope(UUID id, Scope scope) {
        return findByIdOptional(id).filter(i -> scope.contains(i.unitPath()));
    }

    Optional<Intervention> lockInScope(UUID id, Scope scope) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(i -> scope.contains(i.unitPath()));
    }

    List<Intervention> findAllInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Intervention> byId = find("id in ?1", ids).list().stream()
                .collect(Collectors.toMap(Intervention::id, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    /** Filters of the list; every field is optional. */
    record Filter(UUID childId, UUID caseId, String type, String protectionLevel, InterventionStatus status,
                  String fundingSource, String providerWords, List<String> unitPaths, LocalDate activeFrom,
                  LocalDate activeTo) {
    }

    /** The position after which the next page starts. */
    record Cursor(LocalDate startDate, UUID id) {
    }

    @SuppressWarnings("unchecked")
    List<UUID> pageOfIds(Filter f, Scope scope, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select i.id from intervention i where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!scope.all()) {
            sql.append(" and cast(:scope as ltree[]) @> i.unit_path");
            params.put("scope", scope.asLtreeArray());
        }
        if (f.unitPaths() != null) {
            sql.append(" and cast(:unitPaths as ltree[]) @> i.unit_path");
            params.put("unitPaths", "{" + String.join(",", f.unitPaths()) + "}");
        }
        equal(sql, params, "i.child_id", "childId", f.childId());
        equal(sql, params, "i.case_id", "caseId", f.caseId());
        equal(sql, params, "i.type", "type", f.type());
        equal(sql, params, "i.protection_level", "level", f.protectionLevel());
        equal(sql, params, "i.status", "status", f.status() == null ? null : f.status().name());
        equal(sql, params, "i.funding_source", "funding", f.fundingSource());
        if (f.providerWords() != null) {
            sql.append(" and i.provider_search like :provider escape '\\'");
            params.put("provider", "%" + f.providerWords().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.activeTo() != null) {
            sql.append(" and i.start_date <= :activeTo");
            params.put("activeTo", f.activeTo());
        }
        if (f.activeFrom() != null) {
            sql.append(" and (i.end_date is null or i.end_date >= :activeFrom)");
            params.put("activeFrom", f.activeFrom());
        }
        if (after != null) {
            sql.append(" and (i.start_date, i.id) < (:afterDate, :afterId)");
            params.put("afterDate", after.startDate());
            params.put("afterId", after.id());
        }
        sql.append(" order by i.start_date desc, i.id desc limit :limit");
        params.put("limit", limit);
        Query query = getEntityManager().createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Every support of a child, for a merge. */
    List<Intervention> ofChild(UUID childId) {
        return list("childId", childId);
    }

    private static void equal(StringBuilder sql, Map<String, Object> params, String column, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }
}
