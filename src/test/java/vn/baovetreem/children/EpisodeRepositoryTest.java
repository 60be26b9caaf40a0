package vn.baovetreem.children;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Tuple;
import org.junit.jupiter.api.Test;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.testing.SqlRecords;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Queries of children's spans and consents against PostgreSQL, without HTTP: records written by SQL
 * inside each test's transaction, which is rolled back.
 */
@QuarkusTest
class EpisodeRepositoryTest {

    @Inject
    EpisodeRepository episodes;

    @Inject
    ConsentRepository consents;

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void aChildsSpansAreReadByKindInTheirOrderAndABatchsInOneStatement() {
        UUID child = SqlRecords.child(em);
        UUID other = SqlRecords.child(em);
        UUID older = SqlRecords.span(em, child, "CIRCUMSTANCE", "ORPHANED", "2019-01-01", null);
        UUID newer = SqlRecords.span(em, child, "CIRCUMSTANCE", "DISABLED", "2021-01-01", null);
        UUID risk = SqlRecords.span(em, child, "RISK", "NEGLECT", "2020-01-01", null);
        UUID others = SqlRecords.span(em, other, "CIRCUMSTANCE", "ORPHANED", "2020-01-01", null);

        assertThat(episodes.of(child, EpisodeKind.CIRCUMSTANCE)).extracting(ChildEpisode::id).containsExactly(newer, older);
        assertThat(episodes.of(child, EpisodeKind.RISK)).extracting(ChildEpisode::id).containsExactly(risk);
        assertThat(episodes.allOf(child)).extracting(ChildEpisode::id).containsExactly(newer, older, risk);
        assertThat(episodes.ofChildren(List.of(child, other))).extracting(ChildEpisode::id)
                .containsExactlyInAnyOrder(older, newer, risk, others);
        assertThat(episodes.ofChildren(List.of())).isEmpty();
    }

    @Test
    @TestTransaction
    void aChangeOfSpansMovesTheVersionOfTheirChildrenOnly() {
        UUID child = SqlRecords.child(em);
        UUID other = SqlRecords.child(em);
        Instant at = Instant.parse("2025-06-01T03:00:00Z");

        episodes.touchChildren(List.of(child), at);

        assertThat(versionAndUpdate(child)).isEqualTo(List.of(1L, at));
        assertThat(versionAndUpdate(other).getFirst()).isEqualTo(0L);
    }

    @Test
    @TestTransaction
    void spansWrittenInBulkReadBackAsTheyWereAndAChangeOfAStaleOneIsRefused() {
        UUID child = SqlRecords.child(em);
        Instant at = Instant.parse("2025-06-01T03:00:00Z");
        LocalDate today = LocalDate.parse("2026-01-01");
        ChildEpisode opened = newOrphanhood(child, at, null, null);

        episodes.insertAll(List.of(opened));
        ChildEpisode stored = episodes.findById(opened.id());

        assertThat(EpisodeService.view(stored, today)).isEqualTo(EpisodeService.view(opened, today));
        assertThat(List.of(stored.createdBy(), stored.createdAt())).isEqualTo(List.of("bulk-test", at));

        em.detach(stored);
        stored.describe("ORPHANED", null, LocalDate.parse("2019-01-01"), LocalDate.parse("2024-01-01"), "ADOPTED", null, at);
        episodes.changeAll(List.of(stored));
        em.clear();
        ChildEpisode changed = episodes.findById(opened.id());

        assertThat(EpisodeService.view(changed, today)).isEqualTo(EpisodeService.view(stored, today));
        assertThat(changed.version()).isEqualTo(stored.version() + 1);

        em.detach(changed);
        em.createNativeQuery("update child_episode set version = version + 1 where id = ?1").setParameter(1, opened.id()).executeUpdate();
        assertThatThrownBy(() -> episodes.changeAll(List.of(changed))).isInstanceOf(OptimisticLockException.class);
    }

    @Test
    @TestTransaction
    void spansReadForAnImportAreTheStoredOnesAndOnlyTheBatchsStatementWritesThem() {
        UUID child = SqlRecords.child(em);
        Instant at = Instant.parse("2025-06-01T03:00:00.123456Z");
        LocalDate today = LocalDate.parse("2026-01-01");
        ChildEpisode opened = newOrphanhood(child, at, LocalDate.parse("2023-01-01"), "ADOPTED");
        episodes.insertAll(List.of(opened));

        ChildEpisode read = episodes.ofChildren(List.of(child)).getFirst();
        ChildEpisode stored = episodes.findById(opened.id());

        assertThat(read).isNotSameAs(stored);
        assertThat(EpisodeService.view(read, today)).isEqualTo(EpisodeService.view(stored, today));
        assertThat(List.of(read.childId(), read.kind(), read.version(), read.createdBy(), read.createdAt(), read.updatedAt()))
                .isEqualTo(List.of(child, EpisodeKind.CIRCUMSTANCE, 0L, "bulk-test", at, at));

        read.describe("ORPHANED", null, LocalDate.parse("2019-01-01"), LocalDate.parse("2024-01-01"), "ADOPTED", null, at);
        em.flush();
        em.clear();
        assertThat(episodes.findById(opened.id()).endDate()).isEqualTo(LocalDate.parse("2023-01-01"));

        episodes.changeAll(List.of(read));
        em.clear();
        assertThat(episodes.findById(opened.id()).endDate()).isEqualTo(LocalDate.parse("2024-01-01"));
    }

    @Test
    @TestTransaction
    void aChildsConsentsAreReadNewestFirst() {
        UUID child = SqlRecords.child(em);
        UUID first = consent(child, "2020-05-01");
        UUID second = consent(child, "2024-05-01");
        consent(SqlRecords.child(em), "2024-06-01");

        assertThat(consents.of(child)).extracting(ChildConsent::id).containsExactly(second, first);
        assertThat(consents.countOf(child)).isEqualTo(2);
    }

    /** A span of orphanhood of {@code child} from 2019 with a note COPY must escape, not yet written. */
    private static ChildEpisode newOrphanhood(UUID child, Instant at, LocalDate end, String endReason) {
        ChildEpisode opened = ChildEpisode.open(child, EpisodeKind.CIRCUMSTANCE, "bulk-test", at);
        opened.describe("ORPHANED", null, LocalDate.parse("2019-01-01"), end, endReason, "tab\there, \\N and \"quotes\"", at);
        return opened;
    }

    private List<Object> versionAndUpdate(UUID child) {
        Row row = Row.all(em.createNativeQuery("select version, updated_at from child where id = ?1", Tuple.class)
                .setParameter(1, child)).getFirst();
        return List.of(row.bigint("version"), row.instant("updated_at"));
    }

    private UUID consent(UUID child, String givenOn) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into child_consent (id, child_id, giver, giver_name, given_on, scopes, recorded_by, recorded_at)
                        values (?1, ?2, 'PARENT_OR_GUARDIAN', 'Mẹ', cast(?3 as date), '{RECORD_KEEPING}', 'test', now())""")
                .setParameter(1, id).setParameter(2, child).setParameter(3, givenOn).executeUpdate();
        return id;
    }
}
