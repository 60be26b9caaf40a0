package vn.baovetreem.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.Tuple;
import org.junit.jupiter.api.Test;
import vn.baovetreem.calendar.WorkingCalendar;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.common.persistence.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province holds more cases than one SQL statement can bind (65,535 parameters): the deadlines
 * computed at start-up for cases written by SQL, and moved when the calendar changes, are worked
 * through in batches, so neither fails nor holds every case in memory at once.
 */
@QuarkusTest
class DeadlinesAtScaleTest {

    private static final int CASES = 66_000;
    private static final String MARK = "deadlines-at-scale";
    /** Monday 4 March 2024, 09:00 in Vietnam: the fifth working day after is Monday 11 March. */
    private static final Instant RECEIVED = Instant.parse("2024-03-04T02:00:00Z");
    private static final Instant DUE = Instant.parse("2024-03-11T17:00:00Z");
    private static final Instant DUE_WITH_A_HOLIDAY = Instant.parse("2024-03-12T17:00:00Z");
    private static final LocalDate HOLIDAY = LocalDate.of(2024, 3, 6);

    @Inject
    CaseDeadlines deadlines;

    @Inject
    EntityManager em;

    @Test
    void startUpAndACalendarChangeComputeTheDeadlinesOfMoreOpenCasesThanOneStatementCanBind() {
        UUID template = UUID.fromString(CaseApiTest.report(CaseApiTest.COMMUNE,
                CaseApiTest.abuse(CaseApiTest.child(), RECEIVED, false)));
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            insert into child_case (id, case_number, child_id, commune_code, unit_path, type, status, source_channel,
                                                    received_at, abuse_forms, setting, child_in_danger, created_at, created_by, updated_at)
                            select gen_random_uuid(), 'SCALE-' || n, c.child_id, c.commune_code, c.unit_path, c.type, c.status,
                                   c.source_channel, c.received_at, c.abuse_forms, c.setting, false, now(), ?2, now()
                            from child_case c, generate_series(1, ?3) n where c.id = ?1""")
                    .setParameter(1, template).setParameter(2, MARK).setParameter(3, CASES).executeUpdate());
            assertThat(planDeadlines()).as("cases written by SQL have no deadline").isEmpty();

            deadlines.onStart(null);
            assertThat(planDeadlines()).containsExactly(List.of(DUE, (long) CASES));

            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("insert into calendar_day (day, kind, name, confirmed) values (?1, 'HOLIDAY', ?2, true)")
                        .setParameter(1, HOLIDAY).setParameter(2, MARK).executeUpdate();
                deadlines.onCalendarChange(new WorkingCalendar.Changed(2024));
            });
            assertThat(planDeadlines()).containsExactly(List.of(DUE_WITH_A_HOLIDAY, (long) CASES));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                if (em.createNativeQuery("delete from calendar_day where name = ?1").setParameter(1, MARK).executeUpdate() > 0) {
                    deadlines.onCalendarChange(new WorkingCalendar.Changed(2024));
                }
                em.createNativeQuery("delete from case_deadline where case_id in (select id from child_case where created_by = ?1)")
                        .setParameter(1, MARK).executeUpdate();
                em.createNativeQuery("delete from child_case where created_by = ?1").setParameter(1, MARK).executeUpdate();
            });
        }
    }

    /** Each due time of the plan among the copied cases, with how many cases have it. */
    private List<List<Object>> planDeadlines() {
        return QuarkusTransaction.requiringNew().call(() -> Row.all(em.createNativeQuery("""
                        select d.due_at, count(*) as cases from case_deadline d join child_case c on c.id = d.case_id
                        where c.created_by = ?1 and d.step = 'PLAN_DRAFTED' group by d.due_at order by d.due_at""", Tuple.class)
                        .setParameter(1, MARK))
                .stream().map(r -> List.<Object>of(r.instant("due_at"), r.bigint("cases"))).toList());
    }
}
