package vn.baovetreem.areas;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.persistence.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Administrative units are public reference data, readable by every role, so these queries take
 * no scope; the scopes of other records are built from {@link #subtrees(String, LocalDate)}.
 */
@ApplicationScoped
public class AdminUnitRepository implements PanacheRepositoryBase<AdminUnit, UUID> {

    public Optional<AdminUnit> findByCode(String code) {
        return find("select distinct u from AdminUnit u left join fetch u.periods where u.code = ?1", code)
                .singleResultOptional();
    }

    /** The path of the period of unit {@code code} that covers {@code day}, if one does. */
    public Optional<String> pathOn(String code, LocalDate day) {
        return Row.all(getEntityManager().createNativeQuery("""
                        select cast(p.path as text) as path from admin_unit u join admin_unit_period p on p.unit_id = u.id
                        where u.code = ?1 and (p.valid_from is null or p.valid_from <= ?2) and (p.valid_to is null or p.valid_to >= ?2)""",
                        Tuple.class)
                        .setParameter(1, code).setParameter(2, day))
                .stream().findFirst().map(r -> r.text("path"));
    }

    /** Units by code, in the order of {@code codes}. */
    public List<AdminUnit> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        Map<String, AdminUnit> byCode = find("select distinct u from AdminUnit u left join fetch u.periods where u.code in ?1", codes)
                .list().stream().collect(Collectors.toMap(AdminUnit::code, Function.identity()));
        return codes.stream().map(byCode::get).filter(u -> u != null).toList();
    }

    /**
     * The latest state of the units among {@code codes} (their latest period), read as values in
     * one statement: what {@link UnitDirectory} keeps, without loading entities it would not change.
     */
    List<UnitDirectory.UnitSummary> latestStates(Collection<String> codes) {
        return Row.all(getEntityManager().createNativeQuery("""
                        select distinct on (u.code) u.code, p.name, p.kind, u.level, cast(p.path as text) as path,
                               u.valid_from, u.valid_to, u.successor_code
                        from admin_unit u join admin_unit_period p on p.unit_id = u.id
                        where u.code = any(?1)
                        order by u.code, p.valid_from desc nulls last""", Tuple.class)
                        .setParameter(1, codes.toArray(String[]::new)))
                .stream().map(r -> new UnitDirectory.UnitSummary(r.text("code"), r.text("name"), r.text("kind"),
                        r.enumValue("level", UnitLevel.class), r.text("path"), r.date("valid_from"), r.date("valid_to"),
                        r.text("successor_code")))
                .toList();
    }

    /** Codes of one page of units matching {@code filter}, by code, after {@code afterCode}. */
    @SuppressWarnings("unchecked")
    public List<String> pageOfCodes(UnitFilter filter, String afterCode, int limit) {
        StringBuilder sql = new StringBuilder("select u.code from admin_unit u where true");
        Map<String, Object> params = new LinkedHashMap<>();
        String covers = "(%1$s.valid_from is null or %1$s.valid_from <= :on) and (%1$s.valid_to is null or %1$s.valid_to >= :on)";
        if (afterCode != null) {
            sql.append(" and u.code > :after");
            params.put("after", afterCode);
        }
        if (filter.level() != null) {
            sql.append(" and u.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.validOn() != null) {
            sql.append(" and ").append(covers.formatted("u"));
            params.put("on", filter.validOn());
        }
        if (filter.parentCode() != null) {
            sql.append(" and exists (select 1 from admin_unit_period p where p.unit_id = u.id and p.parent_code = :parent");
            if (filter.validOn() != null) {
                sql.append(" and ").append(covers.formatted("p"));
            }
            sql.append(')');
            params.put("parent", filter.parentCode());
        }
        List<String> words = filter.searchWords();
        for (int i = 0; i < words.size(); i++) {
            sql.append(" and exists (select 1 from admin_unit_period p where p.unit_id = u.id and p.search_name like :w")
                    .append(i).append(" escape '\\')");
            params.put("w" + i, "%" + escapeLike(words.get(i)) + "%");
        }
        sql.append(" order by u.code limit :limit");
        params.put("limit", limit);
        Query query = getEntityManager().createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Units with a period directly under {@code parentCode} that lasts until {@code day} or later. */
    public List<AdminUnit> childrenFrom(String parentCode, LocalDate day) {
        return find("""
                select distinct u from AdminUnit u join fetch u.periods
                where exists (select 1 from AdminUnitPeriod p where p.unit = u and p.parentCode = ?1
                              and (p.validTo is null or p.validTo >= ?2))""", parentCode, day).list();
    }

    /** Codes of the units that named {@code code} as their successor. */
    public List<String> predecessorCodes(String code) {
        return find("successorCode", code).list().stream().map(AdminUnit::code).sorted().toList();
    }

    /**
     * Where a user of unit {@code code} sees records today: {@code paths}, a list of subtrees
     * without nesting, and {@code departed}, the subtrees inside them to leave out.
     */
    public record Subtrees(List<String> paths, List<String> departed) {
    }

    /**
     * The subtrees a user of {@code code} may see, from {@code unit_positions} on {@code today}:
     * every path the unit ever had, every path of the units it succeeded, directly or through
     * earlier mergers, and every path of the units retired into a unit under it, whose records now
     * count here; less every path of the units retired from under it into units elsewhere (a
     * village retired into a village of another commune), whose records count there. A unit no
     * longer in force keeps all it had: nothing counts toward it any more, so nothing departed.
     */
    public Subtrees subtrees(String code, LocalDate today) {
        List<Row> rows = Row.all(getEntityManager().createNativeQuery("""
                        with recursive lineage(code) as (
                            select cast(:code as varchar)
                            union
                            select u.code from admin_unit u join lineage l on u.successor_code = l.code
                        ),
                        pos as materialized (select * from unit_positions(:today)),
                        own as (select path from pos where code = :code and in_force),
                        retired as (
                            select p.code, exists (select 1 from own where p.path <@ own.path) as here
                            from pos p where not p.in_force and exists (select 1 from own)
                        )
                        select distinct cast(p.path as text) as path, u.code in (select code from retired where not here) as departed
                        from admin_unit_period p join admin_unit u on u.id = p.unit_id
                        where u.code in (select code from lineage union all select code from retired)""", Tuple.class)
                .setParameter("code", code)
                .setParameter("today", today));
        List<String> paths = withoutNested(rows.stream().filter(r -> !r.bool("departed")).map(r -> r.text("path")).toList());
        List<String> departed = rows.stream().filter(r -> r.bool("departed")).map(r -> r.text("path"))
                .filter(d -> paths.stream().anyMatch(p -> d.startsWith(p + "."))).toList();
        return new Subtrees(paths, departed);
    }

    /** Drops paths already inside another path of the list, so scope checks stay short. */
    private static List<String> withoutNested(List<String> paths) {
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(Comparator.naturalOrder());
        List<String> kept = new ArrayList<>();
        for (String path : sorted) {
            if (kept.stream().noneMatch(k -> path.equals(k) || path.startsWith(k + "."))) {
                kept.add(path);
            }
        }
        return kept;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Filters of the unit list. */
    public record UnitFilter(String parentCode, UnitLevel level, LocalDate validOn, List<String> searchWords) {
    }
}
