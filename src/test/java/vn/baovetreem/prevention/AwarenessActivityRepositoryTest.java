package vn.baovetreem.prevention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.baovetreem.prevention.AwarenessActivityService.ActivityView;
import vn.baovetreem.prevention.AwarenessActivityService.ListQuery;
import vn.baovetreem.prevention.AwarenessActivityService.NewActivity;
import vn.baovetreem.security.Scope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The queries of awareness activities against PostgreSQL, without HTTP, in a year no other test uses. */
@QuarkusTest
class AwarenessActivityRepositoryTest {

    private static final String BY = "awareness-repository-test";
    private static final Scope COMMUNE = Scope.of(List.of("20.06298"));
    private static final Scope OTHER_COMMUNE = Scope.of(List.of("20.06253"));
    private static final LocalDate FROM = LocalDate.of(2003, 1, 1);
    private static final LocalDate TO = LocalDate.of(2003, 12, 31);

    @Inject
    AwarenessActivityRepository activities;

    @Inject
    EntityManager em;

    @AfterEach
    void removeThem() {
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from awareness_activity where created_by = ?1").setParameter(1, BY).executeUpdate());
    }

    @Test
    void anActivityIsReadBackWithItsReachAndFoundByScopeTopicAndKey() {
        UUID meeting = insert("06298", "20.06298", LocalDate.of(2003, 3, 1), "COMMUNITY_MEETING", List.of("ABUSE_PREVENTION", "HOTLINE_111"));
        UUID school = insert("06283_04", "20.06298.06283_04", LocalDate.of(2003, 5, 1), "SCHOOL_SESSION", List.of("DROWNING_PREVENTION"));

        ActivityView read = QuarkusTransaction.requiringNew().call(() -> activities.find(meeting)).orElseThrow();
        assertThat(read.topics()).containsExactly("ABUSE_PREVENTION", "HOTLINE_111");
        assertThat(read.childrenReached()).isEqualTo(12 + 15);
        assertThat(read.recordedBy()).isEqualTo(BY);

        assertThat(page(COMMUNE, null, null, null, null)).containsExactly(school, meeting);
        assertThat(page(OTHER_COMMUNE, null, null, null, null)).isEmpty();
        assertThat(page(COMMUNE, Scope.of(List.of("20.06298.06283_04")), null, null, null)).containsExactly(school);
        assertThat(page(COMMUNE, null, "HOTLINE_111", null, null)).containsExactly(meeting);
        assertThat(page(COMMUNE, null, "HOTLINE_111,ABUSE_PREVENTION", null, null)).as("one topic, not a list").isEmpty();
        assertThat(page(COMMUNE, null, null, LocalDate.of(2003, 5, 1), school)).containsExactly(meeting);

        assertThat(QuarkusTransaction.requiringNew().call(() -> activities.heldFor(List.of("06298", "06283_04"), FROM, TO, 10))
                .stream().map(ActivityView::id)).containsExactly(meeting, school);
        assertThat(QuarkusTransaction.requiringNew().call(() -> activities.heldFor(List.of(), FROM, TO, 10))).isEmpty();
    }

    private UUID insert(String unitCode, String unitPath, LocalDate heldOn, String channel, List<String> topics) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> activities.insert(id, new NewActivity(unitCode, heldOn, channel, topics,
                "Truyền thông", "Hội Phụ nữ", 30, 12, 15, null), unitPath, Instant.now(), BY));
        return id;
    }

    private List<UUID> page(Scope scope, Scope unit, String topic, LocalDate afterDate, UUID afterId) {
        return QuarkusTransaction.requiringNew().call(() -> activities.page(scope, unit, new ListQuery(null, FROM, TO, null, topic),
                afterDate, afterId, 10)).stream().map(ActivityView::id).toList();
    }
}
