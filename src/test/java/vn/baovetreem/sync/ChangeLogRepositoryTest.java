package vn.baovetreem.sync;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.security.Scope;
import vn.baovetreem.testing.SqlRecords;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Queries of the change log against PostgreSQL, without HTTP. The log's triggers write rows in the
 * test's own transaction, which is rolled back; since that transaction is still running, the
 * horizon readers get stops before it, so these tests read up to a horizon of their own instead.
 */
@QuarkusTest
class ChangeLogRepositoryTest {

    private static final Set<SyncedType> EVERY_TYPE = Set.of(SyncedType.values());

    @Inject
    ChangeLogRepository log;

    @Inject
    UnitDirectory units;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void noReaderSeesPastARunningTransaction() {
        SqlRecords.child(em);
        long running = ownTransaction();

        assertThat(log.horizon().tx()).isLessThanOrEqualTo(running);
        assertThat(log.after(Position.before(running), log.horizon(), EVERY_TYPE, Scope.everything(), null, 100)).isEmpty();
    }

    @Test
    @TestTransaction
    void changesAreReadInOrderForTheTypesAskedAndOnlyWhereTheCallerSees() {
        UUID child = SqlRecords.child(em);
        UUID span = SqlRecords.span(em, child, "CIRCUMSTANCE", "ORPHANED", "2020-01-01", null);
        em.createNativeQuery("update child set full_name = 'Đổi tên' where id = ?1").setParameter(1, child).executeUpdate();
        Position from = Position.before(ownTransaction());
        Position upTo = Position.before(ownTransaction() + 1);

        List<ChangeLogRepository.Change> all = log.after(from, upTo, EVERY_TYPE, units.scope("06298"), null, 100);
        assertThat(all).extracting(ChangeLogRepository.Change::type, ChangeLogRepository.Change::recordId)
                .containsExactly(tuple(SyncedType.CHILD, child),
                        tuple(SyncedType.CIRCUMSTANCE, span),
                        tuple(SyncedType.CHILD, child));
        assertThat(all).extracting(ChangeLogRepository.Change::position).isSorted();
        assertThat(all.get(1).childId()).isEqualTo(child);

        assertThat(log.after(from, upTo, Set.of(SyncedType.CIRCUMSTANCE), Scope.everything(), null, 100))
                .extracting(ChangeLogRepository.Change::recordId).containsExactly(span);
        assertThat(log.after(all.getFirst().position(), upTo, EVERY_TYPE, Scope.everything(), null, 100)).hasSize(2);
        assertThat(log.after(from, upTo, EVERY_TYPE, Scope.everything(), null, 1)).hasSize(1);
        assertThat(log.after(from, upTo, EVERY_TYPE, Scope.of(List.of("20.06271")), null, 100)).as("another commune").isEmpty();
        assertThat(log.after(from, upTo, EVERY_TYPE, Scope.everything(), units.scope("06271"), 100)).as("another unit").isEmpty();
        assertThat(log.after(from, from, EVERY_TYPE, Scope.everything(), null, 100)).as("nothing before the horizon").isEmpty();
    }

    @Test
    @TestTransaction
    void recordsAreFoundWhereTheyAreNowAndASeedSendsTheActiveOnesInIdOrder() {
        UUID child = SqlRecords.child(em);
        UUID movedAway = SqlRecords.child(em, "2015-01-01", "MOVED_AWAY", "2025-01-01");
        UUID span = SqlRecords.span(em, child, "CIRCUMSTANCE", "ORPHANED", "2020-01-01", null);

        assertThat(log.childrenOfSpans(List.of(span))).containsExactlyEntriesOf(Map.of(span, child));
        assertThat(log.childrenOfSpans(List.of())).isEmpty();
        assertThat(log.within(SyncedType.CHILD, List.of(child, movedAway), units.scope("06298"))).containsExactlyInAnyOrder(child, movedAway);
        assertThat(log.within(SyncedType.CIRCUMSTANCE, List.of(span), units.scope("06298"))).containsExactly(span);
        assertThat(log.within(SyncedType.CHILD, List.of(child), units.scope("06271"))).isEmpty();
        assertThat(log.exists(SyncedType.CIRCUMSTANCE, span)).isTrue();
        assertThat(log.exists(SyncedType.CASE, span)).as("an id of another kind").isFalse();

        Scope village = Scope.of(List.of(villagePath()));
        List<ChangeLogRepository.Seeded> seeded = log.seed(SyncedType.CHILD, village, null, new UUID(0, 0), 10_000);
        assertThat(seeded).extracting(ChangeLogRepository.Seeded::id).contains(child).doesNotContain(movedAway);
        // PostgreSQL orders uuids byte by byte, as their text sorts; Java's compareTo compares signed halves.
        assertThat(seeded).extracting(s -> s.id().toString()).isSorted();
        UUID first = seeded.getFirst().id();
        assertThat(log.seed(SyncedType.CHILD, village, null, first, 10_000)).hasSize(seeded.size() - 1);
        assertThat(log.seed(SyncedType.CIRCUMSTANCE, village, null, new UUID(0, 0), 10_000))
                .contains(new ChangeLogRepository.Seeded(span, child));
    }

    @Test
    @TestTransaction
    void pruningKeepsTheChangesOfTransactionsStillRunning() {
        UUID child = SqlRecords.child(em);
        long running = ownTransaction();

        log.prune(Instant.now().plusSeconds(3_600));

        assertThat(log.after(Position.before(running), Position.before(running + 1), EVERY_TYPE, Scope.everything(), null, 10))
                .extracting(ChangeLogRepository.Change::recordId).containsExactly(child);
        Position pruned = log.pruned();
        assertThat(pruned == null || pruned.tx() < running).as("pruned up to %s only", pruned).isTrue();
    }

    private long ownTransaction() {
        return Long.parseLong((String) em.createNativeQuery("select cast(pg_current_xact_id() as text)").getSingleResult());
    }

    private String villagePath() {
        return (String) em.createNativeQuery("select cast(unit_path as text) from child where village_code = ?1 limit 1")
                .setParameter(1, SqlRecords.VILLAGE).getSingleResult();
    }
}
