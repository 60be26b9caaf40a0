package vn.baovetreem.children;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import vn.baovetreem.security.Scope;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Queries of the registry. Lists are keyset-paginated SQL on indexed columns that return ids;
 * records are then loaded in one query, so a page costs a constant number of round trips.
 */
@ApplicationScoped
public class ChildRepository implements PanacheRepositoryBase<Child, UUID> {

    private static final String SAME_COMMUNE = "current_parent_code(%1$s.village_code) = current_parent_code(%2$s)";

    /** The record, if it exists and lies in {@code scope}. */
    public Optional<Child> findInScope(UUID id, Scope scope) {
        return findByIdOptional(id).filter(c -> scope.contains(c.unitPath()));
    }

    /** Like {@link #findInScope} but locked for update until the transaction ends. */
    Optional<Child> lockInScope(UUID id, Scope scope) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(c -> scope.contains(c.unitPath()));
    }

    Optional<Child> findByPersonalId(String personalId) {
        return find("personalId", personalId).firstResultOptional();
    }

    Optional<Child> findByExternalRef(String externalRef) {
        return find("externalRef", externalRef).firstResultOptional();
    }

    /** Records by id, in the order of {@code ids}; null where an id names no record. */
    public List<Child> findAllInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Child> byId = find("id in ?1", ids).list().stream().collect(Collectors.toMap(Child::id, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    /** Filters of the child list; every field is optional. */
    record Filter(List<String> unitPaths, String villageCode, String sex, LocalDate bornFrom, LocalDate bornTo,
                  String circumstanceGroup, LocalDate circumstanceOn, String riskCategory, LocalDate atRiskOn,
                  ChildStatus status, String povertyStatus, String disabilityLevel, String personalId,
                  String externalRef, List<String> nameWords, OffsetDateTime updatedSince) {
    }

    /** Ids of one page of children in {@code scope} matching {@code filter}, after {@code after}. */
    @SuppressWarnings("unchecked")
    List<UUID> pageOfIds(Filter f, Scope scope, ChildSort sort, ChildSort.Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select c.id from child c where true");
        Map<String, Object> params = new LinkedHashMap<>();
        inScope(sql, params, scope, "c");
        if (f.unitPaths() != null) {
            sql.append(" and cast(:unitPaths as ltree[]) @> c.unit_path");
            params.put("unitPaths", "{" + String.join(",", f.unitPaths()) + "}");
        }
        equal(sql, params, "c.village_code", "village", f.villageCode());
        equal(sql, params, "c.sex", "sex", f.sex());
        equal(sql, params, "c.poverty_status", "poverty", f.povertyStatus());
        equal(sql, params, "c.disability_level", "disability", f.disabilityLevel());
        equal(sql, params, "c.personal_id", "personalId", f.personalId());
        equal(sql, params, "c.external_ref", "externalRef", f.externalRef());
        if (f.status() != null) {
            equal(sql, params, "c.status", "status", f.status().name());
        } else {
            sql.append(" and c.status <> 'MERGED'");
        }
        if (f.bornFrom() != null) {
            sql.append(" and c.date_of_birth >= :bornFrom");
            params.put("bornFrom", f.bornFrom());
        }
        if (f.bornTo() != null) {
            sql.append(" and c.date_of_birth <= :bornTo");
            params.put("bornTo", f.bornTo());
        }
        activeEpisode(sql, params, EpisodeKind.CIRCUMSTANCE, f.circumstanceGroup(), f.circumstanceOn());
        activeEpisode(sql, params, EpisodeKind.RISK, f.riskCategory(), f.atRiskOn());
        // Each word must begin a word of the name; the first condition lets the trigram index narrow the rows.
        for (int i = 0; i < f.nameWords().size(); i++) {
            String word = escapeLike(f.nameWords().get(i));
            sql.append(" and c.search_name like :w").append(i).append(" escape '\\'")
                    .append(" and (' ' || c.search_name) like :wordStart").append(i).append(" escape '\\'");
            params.put("w" + i, "%" + word + "%");
            params.put("wordStart" + i, "% " + word + "%");
        }
        if (f.updatedSince() != null) {
            sql.append(" and c.updated_at >= :updatedSince");
            params.put("updatedSince", f.updatedSince());
        }
        sort.appendKeyset(sql, params, "c", after);
        sql.append(" limit :limit");
        params.put("limit", limit);
        Query query = getEntityManager().createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** A record that may describe the same child as another. */
    record Candidate(UUID id, String unitPath, DuplicateReason reason) {
    }

    /** Records other than {@code child} that may describe the same child (at most 20). */
    @SuppressWarnings("unchecked")
    List<Candidate> possibleDuplicatesOf(Child child) {
        String sameBirth = "c.date_of_birth = :born and " + SAME_COMMUNE.formatted("c", ":village");
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select c.id, cast(c.unit_path as text), case when %1$s then 'SAME_NAME_AND_BIRTH_DATE'
                                                                 else 'SAME_NAME_AND_CAREGIVER_PHONE' end
                        from child c
                        where c.search_name = :name and c.id <> :id and c.status <> 'MERGED'
                          and ((%1$s) or c.caregiver_phones && cast(:phones as text[]))
                        order by c.id limit 20""".formatted(sameBirth))
                .setParameter("name", child.searchName())
                .setParameter("id", child.id())
                .setParameter("born", child.dateOfBirth())
                .setParameter("village", child.villageCode())
                .setParameter("phones", "{" + String.join(",", child.caregiverPhones()) + "}")
                .getResultList();
        return rows.stream().map(r -> new Candidate((UUID) r[0], (String) r[1], DuplicateReason.valueOf((String) r[2]))).toList();
    }

    /** A pair of records that may describe one child; {@code first} sorts before {@code second}. */
    record Pair(UUID first, UUID second, DuplicateReason reason) {
    }

    /** One page of likely duplicate pairs with both records in {@code scope}, by (first, second). */
    @SuppressWarnings("unchecked")
    List<Pair> pageOfDuplicatePairs(Scope scope, List<String> unitPaths, UUID afterFirst, UUID afterSecond, int limit) {
        String sameBirth = "a.date_of_birth = b.date_of_birth and " + SAME_COMMUNE.formatted("a", "b.village_code");
        StringBuilder sql = new StringBuilder("""
                select a.id, b.id, case when %1$s then 'SAME_NAME_AND_BIRTH_DATE' else 'SAME_NAME_AND_CAREGIVER_PHONE' end
                from child a join child b on b.search_name = a.search_name and b.id > a.id
                where a.status <> 'MERGED' and b.status <> 'MERGED'
                  and ((%1$s) or a.caregiver_phones && b.caregiver_phones)""".formatted(sameBirth));
        Map<String, Object> params = new LinkedHashMap<>();
        inScope(sql, params, scope, "a");
        inScope(sql, params, scope, "b");
        if (unitPaths != null) {
            sql.append(" and cast(:unitPaths as ltree[]) @> a.unit_path and cast(:unitPaths as ltree[]) @> b.unit_path");
            params.put("unitPaths", "{" + String.join(",", unitPaths) + "}");
        }
        if (afterFirst != null) {
            sql.append(" and (a.id, b.id) > (:afterFirst, :afterSecond)");
            params.put("afterFirst", afterFirst);
            params.put("afterSecond", afterSecond);
        }
        sql.append(" order by a.id, b.id limit :limit");
        params.put("limit", limit);
        Query query = getEntityManager().createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Pair((UUID) r[0], (UUID) r[1], DuplicateReason.valueOf((String) r[2]))).toList();
    }

    /** The codes of the spans open on a date, per child. */
    record ActiveEpisodes(Map<UUID, List<String>> circumstances, Map<UUID, List<String>> risks) {
        List<String> groups(UUID child) {
            return circumstances.getOrDefault(child, List.of());
        }

        List<String> risks(UUID child) {
            return risks.getOrDefault(child, List.of());
        }
    }

    @SuppressWarnings("unchecked")
    ActiveEpisodes activeEpisodes(Collection<UUID> childIds, LocalDate on) {
        Map<UUID, List<String>> circumstances = new HashMap<>();
        Map<UUID, List<String>> risks = new HashMap<>();
        if (!childIds.isEmpty()) {
            List<Object[]> rows = getEntityManager().createNativeQuery("""
                            select child_id, kind, code from child_episode
                            where child_id in (:ids) and start_date <= :on and (end_date is null or end_date >= :on)
                            order by code""")
                    .setParameter("ids", childIds)
                    .setParameter("on", on)
                    .getResultList();
            for (Object[] row : rows) {
                Map<UUID, List<String>> target = EpisodeKind.valueOf((String) row[1]) == EpisodeKind.RISK ? risks : circumstances;
                target.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((String) row[2]);
            }
        }
        return new ActiveEpisodes(circumstances, risks);
    }

    private static void inScope(StringBuilder sql, Map<String, Object> params, Scope scope, String alias) {
        if (!scope.all()) {
            sql.append(" and cast(:scope as ltree[]) @> ").append(alias).append(".unit_path");
            params.put("scope", scope.asLtreeArray());
        }
    }

    private static void equal(StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private static void activeEpisode(StringBuilder sql, Map<String, Object> params, EpisodeKind kind, String code,
                                      LocalDate on) {
        if (on == null) {
            return;
        }
        String p = kind.name().toLowerCase();
        sql.append(" and exists (select 1 from child_episode e where e.child_id = c.id and e.kind = '").append(kind.name())
                .append("' and e.start_date <= :").append(p).append("On and (e.end_date is null or e.end_date >= :")
                .append(p).append("On)");
        params.put(p + "On", on);
        if (code != null) {
            sql.append(" and e.code = :").append(p).append("Code");
            params.put(p + "Code", code);
        }
        sql.append(')');
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
