package vn.baovetreem.interventions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Operation;
import vn.baovetreem.security.Scope;
import vn.baovetreem.security.ScopedQuery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The questions behind a commune plan's support target and budget: of the children in special
 * circumstances during a period, how many received support; and how much support cost, by
 * funding source and type.
 */
@ApplicationScoped
public class CoverageService {

    /** Unsupported children listed at most; the counts always cover all of them. */
    static final int MAX_LISTED = 500;

    /**
     * The children counted: in the unit's subtree and the caller's scope, under 16 at the end of
     * the period, in a special-circumstance span overlapping it, and not gone (moved away, died or
     * merged) before it began.
     */
    private static final String CHILDREN_IN_SPECIAL_CIRCUMSTANCES = """
            with counted as (
                select c.id, c.full_name, c.date_of_birth, c.village_code, c.sort_name
                from child c
                where %s
                  and c.date_of_birth <= :to and c.date_of_birth > :bornAfter
                  and not (c.status <> 'ACTIVE' and c.status_date < :from)
                  and exists (select 1 from child_episode e where e.child_id = c.id and e.kind = 'CIRCUMSTANCE'
                              and e.start_date <= :to and (e.end_date is null or e.end_date >= :from))
            ), supported as (
                select distinct i.child_id from intervention i join counted on counted.id = i.child_id
                where i.status in ('ONGOING', 'COMPLETED') and i.start_date <= :to and (i.end_date is null or i.end_date >= :from)
            )
            """;

    private final EntityManager em;
    private final AccessPolicy access;
    private final UnitDirectory units;
    private final Clock clock;

    CoverageService(EntityManager em, AccessPolicy access, UnitDirectory units, Clock clock) {
        this.em = em;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    public record Period(String unit, LocalDate from, LocalDate to) {
    }

    public record GroupCoverage(String group, long children, long supported) {
    }

    public record TypeCoverage(String type, long children) {
    }

    public record UnsupportedChild(UUID id, String fullName, LocalDate dateOfBirth, String villageCode, List<String> groups) {
    }

    /** Schema {@code SupportCoverage}. */
    public record Coverage(Period period, long childrenInSpecialCircumstances, long supported, BigDecimal share,
                           List<GroupCoverage> byGroup, List<TypeCoverage> bySupportType, long unsupported,
                           List<UnsupportedChild> unsupportedChildren, boolean unsupportedChildrenTruncated) {
    }

    @Transactional
    public Coverage coverage(String unitCode, LocalDate from, LocalDate to) {
        CurrentUser.Resolved user = access.check(Operation.READ_INTERVENTIONS);
        Period period = period(unitCode, from, to, user);
        String base = CHILDREN_IN_SPECIAL_CIRCUMSTANCES.formatted(scopeCondition(period, user.scope()));
        Row totals = rows(base + "select (select count(*) from counted) as children, (select count(*) from supported) as supported",
                period, user.scope()).getFirst();
        long children = totals.bigint("children");
        long supported = totals.bigint("supported");

        List<Row> groups = rows(base + """
                select e.code, count(distinct counted.id) as children, count(distinct supported.child_id) as supported
                from counted join child_episode e on e.child_id = counted.id and e.kind = 'CIRCUMSTANCE'
                     and e.start_date <= :to and (e.end_date is null or e.end_date >= :from)
                left join supported on supported.child_id = counted.id
                group by e.code order by e.code""", period, user.scope());
        List<Row> types = rows(base + """
                select i.type, count(distinct i.child_id) as children
                from intervention i join supported on supported.child_id = i.child_id
                where i.status in ('ONGOING', 'COMPLETED') and i.start_date <= :to and (i.end_date is null or i.end_date >= :from)
                group by i.type order by i.type""", period, user.scope());
        List<Row> missing = rows(base + """
                select counted.id, counted.full_name, counted.date_of_birth, counted.village_code,
                       (select string_agg(distinct e.code, ',' order by e.code) from child_episode e
                        where e.child_id = counted.id and e.kind = 'CIRCUMSTANCE'
                          and e.start_date <= :to and (e.end_date is null or e.end_date >= :from)) as groups
                from counted where counted.id not in (select child_id from supported)
                order by counted.sort_name, counted.id limit %d""".formatted(MAX_LISTED + 1), period, user.scope());

        List<UnsupportedChild> listed = missing.stream().limit(MAX_LISTED).map(r -> new UnsupportedChild(r.uuid("id"),
                r.text("full_name"), r.date("date_of_birth"), r.text("village_code"), List.of(r.text("groups").split(",")))).toList();
        BigDecimal share = children == 0 ? null
                : BigDecimal.valueOf(supported * 100).divide(BigDecimal.valueOf(children), 1, RoundingMode.HALF_UP);
        return new Coverage(period, children, supported, share,
                groups.stream().map(r -> new GroupCoverage(r.text("code"), r.bigint("children"), r.bigint("supported"))).toList(),
                types.stream().map(r -> new TypeCoverage(r.text("type"), r.bigint("children"))).toList(),
                children - supported, listed, missing.size() > MAX_LISTED);
    }

    public record FundingLine(String fundingSource, String type, long interventions, long amountVnd) {
    }

    public record FundingTotal(String fundingSource, long amountVnd) {
    }

    /** Schema {@code FundingSummary}. */
    public record Funding(Period period, long totalVnd, List<FundingTotal> byFundingSource, List<FundingLine> lines) {
    }

    /**
     * Spending in the period: a monthly amount counts once for each calendar month of the period
     * the support runs in; any other amount counts in the period its support starts in. Cancelled
     * supports count nothing.
     */
    @Transactional
    public Funding funding(String unitCode, LocalDate from, LocalDate to) {
        CurrentUser.Resolved user = access.check(Operation.READ_INTERVENTIONS);
        Period period = period(unitCode, from, to, user);
        String months = """
                ((extract(year from least(coalesce(i.end_date, :to), :to)) * 12 + extract(month from least(coalesce(i.end_date, :to), :to)))
                 - (extract(year from greatest(i.start_date, :from)) * 12 + extract(month from greatest(i.start_date, :from))) + 1)""";
        List<Row> rows = rows("""
                select coalesce(i.funding_source, 'UNSPECIFIED') as funding_source, i.type, count(*) as interventions,
                       coalesce(sum(case when i.monthly_amount_vnd is not null then i.monthly_amount_vnd * %s
                                         when i.start_date >= :from then coalesce(i.amount_vnd, 0) else 0 end), 0) as amount
                from intervention i
                where %s
                  and i.status <> 'CANCELLED' and i.start_date <= :to and (i.end_date is null or i.end_date >= :from)
                group by 1, 2 order by 1, 2""".formatted(months, scopeCondition(period, user.scope()).replace("c.", "i.")),
                period, user.scope());
        List<FundingLine> lines = rows.stream()
                .map(r -> new FundingLine(r.text("funding_source"), r.text("type"), r.bigint("interventions"), r.bigint("amount")))
                .toList();
        Map<String, Long> bySource = new TreeMap<>();
        lines.forEach(l -> bySource.merge(l.fundingSource(), l.amountVnd(), Long::sum));
        return new Funding(period, lines.stream().mapToLong(FundingLine::amountVnd).sum(),
                bySource.entrySet().stream().map(e -> new FundingTotal(e.getKey(), e.getValue())).toList(), lines);
    }

    /** The unit (default the caller's) and period (default this year to today), checked against the scope. */
    private Period period(String unitCode, LocalDate from, LocalDate to, CurrentUser.Resolved user) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        LocalDate end = to != null ? to : today;
        if (end.isBefore(start)) {
            throw ApiException.BadRequest.field("INVALID_PARAMETER", "to", "to must not be before from.");
        }
        String code = unitCode != null ? unitCode : user.unit() != null ? user.unit().code() : null;
        if (code == null) {
            throw ApiException.BadRequest.field("INVALID_PARAMETER", "unit", "unit is required for a caller without a unit.");
        }
        UnitDirectory.UnitSummary unit = units.find(code).orElseThrow(() -> new ApiException.NotFound("Administrative unit", code));
        if (units.scope(unit.code()).paths().stream().noneMatch(user.scope()::contains)) {
            throw new ApiException.NotFound("Administrative unit", code);
        }
        return new Period(code, start, end);
    }

    private List<Row> rows(String sql, Period period, Scope scope) {
        Query query = em.createNativeQuery(sql, Tuple.class)
                .setParameter("from", period.from())
                .setParameter("to", period.to());
        if (sql.contains(":bornAfter")) {
            query.setParameter("bornAfter", period.to().minusYears(16));
        }
        units.scope(period.unit()).parameters(ScopedQuery.UNIT).forEach(query::setParameter);
        if (!scope.all()) {
            scope.parameters().forEach(query::setParameter);
        }
        return Row.all(query);
    }

    /** The children of the period's unit (its subtrees less the departed ones) in the caller's scope. */
    private String scopeCondition(Period period, Scope scope) {
        return units.scope(period.unit()).sql("c.unit_path", ScopedQuery.UNIT) + (scope.all() ? "" : " and " + scope.sql("c.unit_path"));
    }
}
