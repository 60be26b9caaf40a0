package vn.baovetreem.interventions;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.interventions.CoverageRepository.Totals;
import vn.baovetreem.interventions.CoverageRepository.Where;
import vn.baovetreem.interventions.CoverageService.FundingLine;
import vn.baovetreem.interventions.CoverageService.GroupCoverage;
import vn.baovetreem.interventions.CoverageService.TypeCoverage;
import vn.baovetreem.security.Scope;

import java.time.LocalDate;
import java.util.UUID;
import vn.baovetreem.testing.SqlRecords;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coverage and funding queries against PostgreSQL, without HTTP: children and supports of
 * 2003 in Ích Hữu, a year no other test writes, written inside each test's transaction, which is rolled back.
 */
@QuarkusTest
class CoverageRepositoryTest {

    private static final LocalDate FROM = LocalDate.of(2003, 1, 1);
    private static final LocalDate TO = LocalDate.of(2003, 12, 31);

    @Inject
    CoverageRepository coverage;

    @Inject
    UnitDirectory units;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void countsChildrenUnder16InASpanOfThePeriodAndThoseWithASupportRunningInIt() {
        UUID supported = SqlRecords.child(em, "2000-05-01", "ACTIVE", null);
        span(supported, "ORPHANED", "2002-01-01", null);
        span(supported, "DISABLED", "2003-06-01", "2003-08-31");
        support(supported, "SWIMMING_LESSONS", "ONGOING", "2003-05-01", null, null, 100_000L);
        UUID unsupported = SqlRecords.child(em, "2001-02-03", "ACTIVE", null);
        span(unsupported, "DISABLED", "2003-11-01", null);
        support(unsupported, "SWIMMING_LESSONS", "CANCELLED", "2003-02-01", null, 50_000L, null);
        span(SqlRecords.child(em, "2002-01-01", "ACTIVE", null), "DISABLED", "2004-01-01", null);        // span after the period
        span(SqlRecords.child(em, "1987-01-01", "ACTIVE", null), "DISABLED", "2003-01-01", null);        // 16 before the period ended
        span(SqlRecords.child(em, "2000-01-01", "MOVED_AWAY", "2002-12-31"), "ORPHANED", "2001-01-01", null); // gone before it began

        Where where = where(Scope.everything());
        assertThat(coverage.totals(where)).isEqualTo(new Totals(2, 1));
        assertThat(coverage.byGroup(where)).containsExactly(new GroupCoverage("DISABLED", 2, 1), new GroupCoverage("ORPHANED", 1, 1));
        assertThat(coverage.bySupportType(where)).containsExactly(new TypeCoverage("SWIMMING_LESSONS", 1));
        assertThat(coverage.unsupported(where, 10)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(unsupported);
            assertThat(c.groups()).containsExactly("DISABLED");
        });
        assertThat(coverage.unsupported(where, 0)).isEmpty();
    }

    @Test
    @TestTransaction
    void fundingCountsAMonthlyAmountForEachMonthRunAndAnyOtherInThePeriodItStarts() {
        UUID child = SqlRecords.child(em, "2000-05-01", "ACTIVE", null);
        support(child, "SWIMMING_LESSONS", "ONGOING", "2003-05-15", null, null, 100_000L);       // May to December: 8 months
        support(child, "SWIMMING_LESSONS", "COMPLETED", "2002-11-01", "2003-02-28", null, 10_000L); // January, February
        support(child, "SWIMMING_LESSONS", "COMPLETED", "2003-03-01", "2003-03-01", 70_000L, null);
        support(child, "SWIMMING_LESSONS", "COMPLETED", "2002-12-01", "2003-01-31", 999_000L, null); // started before
        support(child, "SWIMMING_LESSONS", "CANCELLED", "2003-04-01", null, 5_000_000L, null);

        assertThat(coverage.funding(where(Scope.everything())))
                .containsExactly(new FundingLine("STATE_BUDGET", "SWIMMING_LESSONS", 4, 800_000 + 20_000 + 70_000));
    }

    @Test
    @TestTransaction
    void aCallerSeesOnlyWhatLiesInTheirScope() {
        UUID child = SqlRecords.child(em, "2000-05-01", "ACTIVE", null);
        span(child, "ORPHANED", "2002-01-01", null);
        support(child, "SWIMMING_LESSONS", "ONGOING", "2003-05-01", null, 1_000L, null);

        Where elsewhere = where(units.scope("06271"));
        assertThat(coverage.totals(elsewhere)).isEqualTo(new Totals(0, 0));
        assertThat(coverage.funding(elsewhere)).isEmpty();
        assertThat(coverage.totals(where(units.scope("06298")))).isEqualTo(new Totals(1, 1));
    }

    private Where where(Scope caller) {
        return new Where(units.scope(SqlRecords.VILLAGE), caller, FROM, TO);
    }

    private void span(UUID child, String group, String start, String end) {
        em.createNativeQuery("""
                        insert into child_episode (id, child_id, kind, code, start_date, end_date, created_at, created_by, updated_at)
                        values (gen_random_uuid(), ?1, 'CIRCUMSTANCE', ?2, cast(?3 as date), cast(?4 as date), now(), 'test', now())""")
                .setParameter(1, child).setParameter(2, group).setParameter(3, start).setParameter(4, end).executeUpdate();
    }

    private void support(UUID child, String type, String status, String start, String end, Long amount, Long monthly) {
        em.createNativeQuery("""
                        insert into intervention (id, child_id, unit_path, type, protection_level, funding_source, amount_vnd,
                                                  monthly_amount_vnd, start_date, end_date, status, created_at, created_by, updated_at)
                        select gen_random_uuid(), c.id, c.unit_path, ?2, 'PREVENTION', 'STATE_BUDGET', ?5, ?6,
                               cast(?3 as date), cast(?4 as date), ?7, now(), 'test', now()
                        from child c where c.id = ?1""")
                .setParameter(1, child).setParameter(2, type).setParameter(3, start).setParameter(4, end)
                .setParameter(5, amount).setParameter(6, monthly).setParameter(7, status).executeUpdate();
    }
}
