package vn.baovetreem.reports;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.security.Scope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Periodic reports, their submitted versions and the district's reviews. */
@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<PeriodicReport, UUID> {

    /** A commune as it stood on a day. */
    record Commune(String code, String name, String path) {
    }

    /** The district's decision on a version. */
    public record Review(PeriodicReport.Status outcome, String comment, Instant reviewedAt, String reviewedBy) {
    }

    /** A submitted version without its body. */
    public record Version(int number, Instant submittedAt, String submittedBy, Review review) {
    }

    Optional<PeriodicReport> findInScope(UUID id, Scope scope) {
        return findByIdOptional(id).filter(r -> scope.contains(r.unitPath()));
    }

    Optional<PeriodicReport> lockInScope(UUID id, Scope scope) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(r -> scope.contains(r.unitPath()));
    }

    Optional<PeriodicReport> find(String communeCode, int year, ReportingPeriods.Kind kind) {
        return find("communeCode = ?1 and year = ?2 and kind = ?3", communeCode, year, kind).firstResultOptional();
    }

    /** Reports past their draft that have no version: written by SQL rather than submitted here. */
    @SuppressWarnings("unchecked")
    List<PeriodicReport> submittedWithoutVersion() {
        List<UUID> ids = getEntityManager().createNativeQuery("""
                select r.id from periodic_report r where r.status in ('SUBMITTED', 'ACCEPTED')
                and not exists (select 1 from periodic_report_version v where v.report_id = r.id)""").getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    Map<String, PeriodicReport> reportsOf(Collection<String> communeCodes, int year, ReportingPeriods.Kind kind) {
        Map<String, PeriodicReport> byCommune = new HashMap<>();
        if (!communeCodes.isEmpty()) {
            find("communeCode in ?1 and year = ?2 and kind = ?3", communeCodes, year, kind).list()
                    .forEach(r -> byCommune.put(r.communeCode(), r));
        }
        return byCommune;
    }

    /** The communes under {@code unitCode} (or the commune itself) as the tree stood on {@code day}, by code. */
    List<Commune> communesUnder(String unitCode, LocalDate day, int limit) {
        return Row.all(getEntityManager().createNativeQuery("""
                        select u.code, p.name, cast(p.path as text) as path
                        from admin_unit u join admin_unit_period p on p.unit_id = u.id,
                             admin_unit pu join admin_unit_period pp on pp.unit_id = pu.id
                        where pu.code = :unit and (pp.valid_from is null or pp.valid_from <= :day) and (pp.valid_to is null or pp.valid_to >= :day)
                          and u.level = 'COMMUNE' and (p.valid_from is null or p.valid_from <= :day) and (p.valid_to is null or p.valid_to >= :day)
                          and p.path <@ pp.path
                        order by u.code limit :limit""", Tuple.class)
                        .setParameter("unit", unitCode).setParameter("day", day).setParameter("limit", limit))
                .stream().map(r -> new Commune(r.text("code"), r.text("name"), r.text("path"))).toList();
    }

    /**
     * The codes of the units whose records count toward a commune on {@code day}: the commune, its
     * villages, and the units retired into them before that day ({@code unit_positions}).
     */
    @SuppressWarnings("unchecked")
    List<String> unitsOf(String communeCode, LocalDate day) {
        return getEntityManager().createNativeQuery("""
                        with pos as (select * from unit_positions(:day))
                        select u.code from pos u join pos c on u.path <@ c.path where c.code = :commune and c.in_force""")
                .setParameter("commune", communeCode).setParameter("day", day).getResultList();
    }

    /** The versions of a report, first first, with their reviews. */
    List<Version> versions(UUID reportId) {
        return Row.all(getEntityManager().createNativeQuery("""
                        select v.number, v.submitted_at, v.submitted_by, r.outcome, r.comment, r.reviewed_at, r.reviewed_by
                        from periodic_report_version v
                        left join periodic_report_review r on r.report_id = v.report_id and r.number = v.number
                        where v.report_id = ?1 order by v.number""", Tuple.class)
                        .setParameter(1, reportId))
                .stream().map(r -> new Version(r.integer("number"), r.instant("submitted_at"), r.text("submitted_by"),
                        r.text("outcome") == null ? null : new Review(r.enumValue("outcome", PeriodicReport.Status.class),
                                r.text("comment"), r.instant("reviewed_at"), r.text("reviewed_by")))).toList();
    }

    /**
     * The body of a version as stored (JSON), without the null fields that versions frozen before
     * responses left them out still hold.
     */
    Optional<String> body(UUID reportId, int number) {
        return getEntityManager().createNativeQuery("select cast(jsonb_strip_nulls(body) as text) from periodic_report_version"
                        + " where report_id = ?1 and number = ?2")
                .setParameter(1, reportId).setParameter(2, number).getResultList().stream().map(String.class::cast).findFirst();
    }

    void addVersion(UUID reportId, int number, Instant at, String by, String body) {
        getEntityManager().createNativeQuery("""
                        insert into periodic_report_version (report_id, number, submitted_at, submitted_by, body)
                        values (?1, ?2, ?3, ?4, cast(?5 as jsonb))""")
                .setParameter(1, reportId).setParameter(2, number).setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .setParameter(4, by).setParameter(5, body).executeUpdate();
    }

    void addReview(UUID reportId, int number, Review review) {
        getEntityManager().createNativeQuery("""
                        insert into periodic_report_review (report_id, number, outcome, comment, reviewed_at, reviewed_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, reportId).setParameter(2, number).setParameter(3, review.outcome().name())
                .setParameter(4, review.comment()).setParameter(5, OffsetDateTime.ofInstant(review.reviewedAt(), ZoneOffset.UTC))
                .setParameter(6, review.reviewedBy()).executeUpdate();
    }

    /** The configured periods of {@code year} (none means the defaults hold). */
    List<ReportingPeriods.ReportingPeriod> configuredPeriods(int year) {
        return Row.all(getEntityManager().createNativeQuery("select kind, starts_on, cut_off, due_on from reporting_period where year = ?1",
                        Tuple.class).setParameter(1, year)).stream()
                .map(r -> {
                    ReportingPeriods.Kind kind = r.enumValue("kind", ReportingPeriods.Kind.class);
                    return new ReportingPeriods.ReportingPeriod(year, kind, ReportingPeriods.label(year, kind), r.date("starts_on"),
                            r.date("cut_off"), r.date("due_on"), true);
                })
                .toList();
    }

    /** Replaces the configured periods of {@code year} with {@code periods}. */
    void replacePeriods(int year, List<ReportingPeriods.ReportingPeriod> periods, OffsetDateTime at, String by) {
        getEntityManager().createNativeQuery("delete from reporting_period where year = ?1").setParameter(1, year).executeUpdate();
        for (ReportingPeriods.ReportingPeriod p : periods) {
            getEntityManager().createNativeQuery("""
                            insert into reporting_period (year, kind, starts_on, cut_off, due_on, updated_at, updated_by)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                    .setParameter(1, year).setParameter(2, p.kind().name()).setParameter(3, p.startsOn()).setParameter(4, p.cutOff())
                    .setParameter(5, p.dueOn()).setParameter(6, at).setParameter(7, by).executeUpdate();
        }
    }
}
