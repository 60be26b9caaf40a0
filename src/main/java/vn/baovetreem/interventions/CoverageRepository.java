package vn.baovetreem.interventions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.persistence.CustomPlans;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.interventions.CoverageService.FundingLine;
import vn.baovetreem.interventions.CoverageService.GroupCoverage;
import vn.baovetreem.interventions.CoverageService.TypeCoverage;
import vn.baovetreem.interventions.CoverageService.UnsupportedChild;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

import java.time.LocalDate;
import java.util.List;

/**
 * The queries behind support coverage and funding. Each takes {@link Where}: the children or
 * supports of a unit's subtree (less its departed parts), in the caller's scope, during a period.
 */
@ApplicationScoped
public class CoverageRepository {

    /**
     * The children counted: in the unit's subtree and the caller's scope, under 16 at the end of
     * the period, in a special-circumstance span overlapping it, and not gone (moved away, died or
     * merged) before it began; and those of them with a support running in the period.
     *
     * <p>The children are found from the spans (some 15,000 in the benchmark's province), each by
     * its key: no index serves the scope, whose condition the planner counts as a few rows, so with
     * the spans as a condition on each child it read every child of the database and looked up its
     * spans (300,000 look-ups, 0.3 s of each of the four statements for a province; docs/performance.md).
     */
    private static final String COUNTED_AND_SUPPORTED = """
            with counted as (
                select c.id, c.full_name, c.date_of_birth, c.village_code, c.sort_name
                from child c
                where c.id = any(array(select e.child_id from child_episode e where e.kind = 'CIRCUMSTANCE'
                                       and e.start_date <= :to and (e.end_date is null or e.end_date >= :from)))
                  and %s
                  and c.date_of_birth <= :to and c.date_of_birth > :bornAfter
                  and not (c.status <> 'ACTIVE' and c.status_date < :from)
            ), supported as (
                select distinct i.child_id from intervention i join counted on counted.id = i.child_id
                where i.status in ('ONGOING', 'COMPLETED') and i.start_date <= :to and (i.end_date is null or i.end_date >= :from)
            )
            """;

    /** Calendar months of the period a support runs in, for monthly amounts. */
    private static final String MONTHS_RUN = """
            ((extract(year from least(coalesce(i.end_date, :to), :to)) * 12 + extract(month from least(coalesce(i.end_date, :to), :to)))
             - (extract(year from greatest(i.start_date, :from)) * 12 + extract(month from greatest(i.start_date, :from))) + 1)""";

    /** Whose records, and when: the unit's subtree, the caller's scope, the period's first and last days. */
    public record Where(Scope unit, Scope caller, LocalDate from, LocalDate to) {
    }

    /** The two counts of coverage. */
    public record Totals(long children, long supported) {
    }

    private final EntityManager em;

    CoverageRepository(EntityManager em) {
        this.em = em;
    }

    Totals totals(Where where) {
        Row row = counted(where, "select (select count(*) from counted) as children, (select count(*) from supported) as supported")
                .getFirst();
        return new Totals(row.bigint("children"), row.bigint("supported"));
    }

    /** By special-circumstance group; a child in two groups counts in each. */
    List<GroupCoverage> byGroup(Where where) {
        return counted(where, """
                select e.code, count(distinct counted.id) as children, count(distinct supported.child_id) as supported
                from counted join child_episode e on e.child_id = counted.id and e.kind = 'CIRCUMSTANCE'
                     and e.start_date <= :to and (e.end_date is null or e.end_date >= :from)
                left join supported on supported.child_id = counted.id
                group by e.code order by e.code""").stream()
                .map(r -> new GroupCoverage(r.text("code"), r.bigint("children"), r.bigint("supported"))).toList();
    }

    /** Supported children by type of support; a child with two types counts in each. */
    List<TypeCoverage> bySupportType(Where where) {
        return counted(where, """
                select i.type, count(distinct i.child_id) as children
                from intervention i join supported on supported.child_id = i.child_id
                where i.status in ('ONGOING', 'COMPLETED') and i.start_date <= :to and (i.end_date is null or i.end_date >= :from)
                group by i.type order by i.type""").stream()
                .map(r -> new TypeCoverage(r.text("type"), r.bigint("children"))).toList();
    }

    /** The first {@code limit} counted children without support, by name, with their groups. */
    List<UnsupportedChild> unsupported(Where where, int limit) {
        return counted(where, """
                select counted.id, counted.full_name, counted.date_of_birth, counted.village_code,
                       (select string_agg(distinct e.code, ',' order by e.code) from child_episode e
                        where e.child_id = counted.id and e.kind = 'CIRCUMSTANCE'
                          and e.start_date <= :to and (e.end_date is null or e.end_date >= :from)) as groups
                from counted where counted.id not in (select child_id from supported)
                order by counted.sort_name, counted.id limit %d""".formatted(limit)).stream()
                .map(r -> new UnsupportedChild(r.uuid("id"), r.text("full_name"), r.date("date_of_birth"), r.text("village_code"),
                        List.of(r.text("groups").split(","))))
                .toList();
    }

    /**
     * Spending by funding source and type: a monthly amount once for each calendar month of the
     * period the support runs in, any other amount in the period its support starts in; cancelled
     * supports count nothing.
     */
    List<FundingLine> funding(Where where) {
        return rows("""
                select coalesce(i.funding_source, 'UNSPECIFIED') as funding_source, i.type, count(*) as interventions,
                       coalesce(sum(case when i.monthly_amount_vnd is not null then i.monthly_amount_vnd * %s
                                         when i.start_date >= :from then coalesce(i.amount_vnd, 0) else 0 end), 0) as amount
                from intervention i
                where %s
                  and i.status <> 'CANCELLED' and i.start_date <= :to and (i.end_date is null or i.end_date >= :from)
                group by 1, 2 order by 1, 2""".formatted(MONTHS_RUN, inScope(where, "i.unit_path")), where).stream()
                .map(r -> new FundingLine(r.text("funding_source"), r.text("type"), r.bigint("interventions"), r.bigint("amount")))
                .toList();
    }

    private List<Row> counted(Where where, String select) {
        return rows(COUNTED_AND_SUPPORTED.formatted(inScope(where, "c.unit_path")) + select, where);
    }

    private List<Row> rows(String sql, Where where) {
        // Generic plans of these statements took a province's coverage to 4.9 s (docs/performance.md).
        CustomPlans.forTransaction(em);
        Query query = em.createNativeQuery(sql, Tuple.class)
                .setParameter("from", where.from())
                .setParameter("to", where.to());
        if (sql.contains(":bornAfter")) {
            query.setParameter("bornAfter", where.to().minusYears(16));
        }
        where.unit().parameters(ScopedQuery.UNIT).forEach(query::setParameter);
        if (!where.caller().all()) {
            where.caller().parameters().forEach(query::setParameter);
        }
        return Row.all(query);
    }

    /** The records of the unit's subtree (less its departed parts) in the caller's scope. */
    private static String inScope(Where where, String pathColumn) {
        return where.unit().sql(pathColumn, ScopedQuery.UNIT) + (where.caller().all() ? "" : " and " + where.caller().sql(pathColumn));
    }
}
