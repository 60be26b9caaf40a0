package vn.baovetreem.plans;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.plans.PlanRepository.ReportedValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries of plans against PostgreSQL, without HTTP: a plan of a year no other test uses, written
 * by SQL inside each test's transaction, which is rolled back.
 */
@QuarkusTest
class PlanRepositoryTest {

    @Inject
    PlanRepository plans;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void aNewTargetGoesAfterTheLastOneKeptAndValuesComeLatestFirstUpToTheDayAsked() {
        UUID plan = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into plan (id, commune_code, unit_path, year, title, status, created_at, created_by, updated_at)
                        select ?1, u.code, p.path, 2090, 'Kế hoạch thử', 'DRAFT', now(), 'test', now()
                        from admin_unit u join admin_unit_period p on p.unit_id = u.id and p.valid_to is null where u.code = '06298'""")
                .setParameter(1, plan).executeUpdate();
        assertThat(plans.nextPosition(plan)).isEqualTo(1);
        UUID kept = target(plan, 1, false);
        target(plan, 2, true);
        assertThat(plans.nextPosition(plan)).as("a removed target's position is free again").isEqualTo(2);

        Instant at = Instant.parse("2090-07-01T00:00:00Z");
        ReportedValue march = value(kept, "2090-03-31", "10", at);
        ReportedValue june = value(kept, "2090-06-30", "25", at);
        ReportedValue juneAgain = value(kept, "2090-06-30", "26", at.plusSeconds(60));

        assertThat(plans.values(List.of(kept), null).get(kept)).containsExactly(juneAgain, june, march);
        assertThat(plans.values(List.of(kept), LocalDate.parse("2090-05-01")).get(kept)).containsExactly(march);
        assertThat(plans.values(List.of(kept), LocalDate.parse("2090-01-01"))).doesNotContainKey(kept);
    }

    private UUID target(UUID plan, int position, boolean deleted) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into plan_target (id, plan_id, position, description, measure_kind, target_value, unit, comparison,
                                                 set_by_district, deleted_at, created_at, created_by, updated_at)
                        values (?1, ?2, ?3, 'Số lớp học bơi', 'MANUAL', 4, 'COUNT', 'AT_LEAST', false,
                                case when ?4 then now() end, now(), 'test', now())""")
                .setParameter(1, id).setParameter(2, plan).setParameter(3, position).setParameter(4, deleted).executeUpdate();
        return id;
    }

    private ReportedValue value(UUID target, String on, String value, Instant at) {
        ReportedValue v = new ReportedValue(UUID.randomUUID(), target, LocalDate.parse(on), new BigDecimal(value).setScale(2),
                "Biên bản", "Cán bộ xã", at, "test");
        plans.addValue(v);
        return v;
    }
}
