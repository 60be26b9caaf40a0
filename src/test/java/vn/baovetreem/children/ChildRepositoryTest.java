package vn.baovetreem.children;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.junit.jupiter.api.Test;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.security.Scope;
import vn.baovetreem.testing.SqlRecords;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Queries of the registry against PostgreSQL, without HTTP: children written by SQL inside each
 * test's transaction, which is rolled back, under a name no other test gives.
 */
@QuarkusTest
class ChildRepositoryTest {

    @Inject
    ChildRepository children;

    @Inject
    EpisodeRepository episodes;

    @Inject
    UnitDirectory units;

    @Inject
    ChildViews views;

    @Inject
    EntityManager em;

    private final String name = "repo " + UUID.randomUUID();

    @Test
    @TestTransaction
    void duplicatesShareTheFoldedNameAndEitherTheBirthDateInTheCommuneOrACaregiverPhone() {
        UUID first = child("2015-01-01", "{0912345678}");
        UUID sameBirth = child("2015-01-01", "{}");
        UUID samePhone = child("2016-02-02", "{0912345678}");
        UUID neither = child("2017-03-03", "{0988888888}");
        children.flush();

        assertThat(children.possibleDuplicatesOf(children.findById(first)))
                .extracting(ChildRepository.Candidate::id, ChildRepository.Candidate::reason)
                .containsExactlyInAnyOrder(tuple(sameBirth, DuplicateReason.SAME_NAME_AND_BIRTH_DATE),
                        tuple(samePhone, DuplicateReason.SAME_NAME_AND_CAREGIVER_PHONE));

        // Each pair once, as PostgreSQL orders uuids (which is not Java's order).
        children.refreshDuplicatePairs(10_000);
        assertThat(pairs(first, sameBirth, samePhone, neither)).extracting(p -> Set.of(p.first(), p.second()), ChildRepository.Pair::reason).containsExactlyInAnyOrder(
                tuple(Set.of(first, sameBirth), DuplicateReason.SAME_NAME_AND_BIRTH_DATE),
                tuple(Set.of(first, samePhone), DuplicateReason.SAME_NAME_AND_CAREGIVER_PHONE));
        assertThat(children.pageOfDuplicatePairs(units.scope("06271"), null, null, null, 10_000))
                .noneMatch(p -> p.first().equals(first) || p.second().equals(first));
    }

    @Test
    @TestTransaction
    void aChangedRecordIsPairedAgainOnceTheQueueIsRefreshed() {
        UUID first = child("2015-01-01", "{}");
        UUID second = child("2015-01-01", "{}");
        children.refreshDuplicatePairs(10_000);
        assertThat(pairs(first, second)).hasSize(1);

        em.createNativeQuery("update child set date_of_birth = date '2016-01-01' where id = ?1").setParameter(1, second).executeUpdate();
        assertThat(children.refreshDuplicatePairs(10_000)).isEqualTo(1);
        assertThat(pairs(first, second)).isEmpty();

        em.createNativeQuery("update child set caregiver_phones = '{0912345678}' where id in (?1, ?2)")
                .setParameter(1, first).setParameter(2, second).executeUpdate();
        children.refreshDuplicatePairs(10_000);
        assertThat(pairs(first, second)).extracting(ChildRepository.Pair::reason)
                .containsExactly(DuplicateReason.SAME_NAME_AND_CAREGIVER_PHONE);

        em.createNativeQuery("update child set status = 'MERGED', merged_into_id = ?1 where id = ?2")
                .setParameter(1, first).setParameter(2, second).executeUpdate();
        children.refreshDuplicatePairs(10_000);
        assertThat(pairs(first, second)).isEmpty();
        assertThat(children.refreshDuplicatePairs(10_000)).as("the queue is empty").isZero();
    }

    /**
     * A change to a record already queued, still open while a refresh runs: the refresh must neither
     * take the record as it was (the change would then find the queue empty, and the pair it makes
     * would never be found) nor wait for the change (which could go on to wait for the refresh). It
     * leaves the record to the next refresh, which pairs it as changed (changelog 037).
     */
    @Test
    void aRecordWhoseChangeIsOpenIsLeftToTheNextRefreshAndPairedAsChanged() throws Exception {
        UUID first = QuarkusTransaction.requiringNew().call(() -> child("2015-01-01", "{}"));
        UUID second = QuarkusTransaction.requiringNew().call(() -> child("2016-01-01", "{}"));
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            QuarkusTransaction.requiringNew().run(() -> children.refreshDuplicatePairs(Integer.MAX_VALUE));
            assertThat(QuarkusTransaction.requiringNew().call(() -> pairs(first, second))).isEmpty();
            QuarkusTransaction.requiringNew().run(() -> setChild(second, "caregiver_phones = '{0900000037}'")); // queued again

            Future<?> change = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                setChild(second, "date_of_birth = date '2015-01-01'");
                changed.countDown();
                await(commit);
            }));
            assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Integer> refresh = threads.submit(() -> QuarkusTransaction.requiringNew()
                    .call(() -> children.refreshDuplicatePairs(Integer.MAX_VALUE)));
            refresh.get(30, TimeUnit.SECONDS); // while the change is open: it does not wait for it
            commit.countDown();
            change.get(30, TimeUnit.SECONDS);

            QuarkusTransaction.requiringNew().run(() -> children.refreshDuplicatePairs(Integer.MAX_VALUE));
            assertThat(QuarkusTransaction.requiringNew().call(() -> pairs(first, second))).as("born on one day now")
                    .extracting(ChildRepository.Pair::reason).containsExactly(DuplicateReason.SAME_NAME_AND_BIRTH_DATE);
        } finally {
            commit.countDown();
            threads.shutdownNow();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from child where id in (?1, ?2)")
                    .setParameter(1, first).setParameter(2, second).executeUpdate());
        }
    }

    private void setChild(UUID id, String assignment) {
        em.createNativeQuery("update child set " + assignment + " where id = ?1").setParameter(1, id).executeUpdate();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @TestTransaction
    void theListDoesNotWaitForARefreshThatIsRunning() {
        children.refreshDuplicatePairs(Integer.MAX_VALUE); // what other tests left queued
        child("2015-01-01", "{}");
        child("2015-01-01", "{}");
        children.refreshDuplicatePairs(1);

        // This transaction holds the refresh's lock until it ends: another one skips refreshing.
        assertThat(QuarkusTransaction.requiringNew().call(() -> children.refreshDuplicatePairsIfIdle(10_000))).isZero();
        assertThat(children.refreshDuplicatePairsIfIdle(10_000)).as("the lock's own holder refreshes").isEqualTo(1);
    }

    @Test
    @TestTransaction
    void recordsByIdComeInTheOrderAskedWithNullForAnUnknownIdAndThoseLoadedAsTheyAre() {
        UUID first = child("2015-01-01", "{}");
        UUID second = child("2016-01-01", "{}");
        Child loaded = children.findById(first);

        List<Child> found = children.findAllInOrder(List.of(second, UUID.randomUUID(), first, second));
        assertThat(found).hasSize(4);
        assertThat(found.get(0).id()).isEqualTo(second);
        assertThat(found.get(1)).isNull();
        assertThat(found.get(2)).isSameAs(loaded);
        assertThat(found.get(3)).as("an id asked twice").isSameAs(found.get(0));
    }

    @Test
    @TestTransaction
    void childrenChangedInBulkReadBackAsTheyWereAndAChangeOfAStaleOneIsRefused() {
        UUID id = child("2015-01-01", "{0912345678}");
        LocalDate today = LocalDate.parse("2026-01-01");
        Child read = children.findById(id);
        em.detach(read);
        read.touch(Instant.parse("2025-06-01T03:00:00Z"));

        children.changeAll(List.of(read));
        em.clear();
        Child changed = children.findById(id);

        assertThat(views.full(changed, today, false)).isEqualTo(views.full(read, today, false));
        assertThat(List.of(changed.version(), changed.updatedAt())).isEqualTo(List.of(read.version() + 1, read.updatedAt()));

        em.detach(changed);
        em.createNativeQuery("update child set version = version + 1 where id = ?1").setParameter(1, id).executeUpdate();
        assertThatThrownBy(() -> children.changeAll(List.of(changed))).isInstanceOf(OptimisticLockException.class);
    }

    /** The listed pairs whose first record is one of {@code ids}. */
    private List<ChildRepository.Pair> pairs(UUID... ids) {
        return children.pageOfDuplicatePairs(units.scope("06298"), null, null, null, 10_000).stream()
                .filter(p -> List.of(ids).contains(p.first())).toList();
    }

    @Test
    @TestTransaction
    void aBatchIsFoundByItsKeysAndTheSpansOpenOnADayByChild() {
        UUID child = child("2015-01-01", "{}");
        em.createNativeQuery("update child set personal_id = '001215000001', external_ref = 'REPO-1' where id = ?1")
                .setParameter(1, child).executeUpdate();
        SqlRecords.span(em, child, "CIRCUMSTANCE", "ORPHANED", "2020-01-01", null);
        SqlRecords.span(em, child, "RISK", "NEGLECT", "2020-01-01", "2020-12-31");

        assertThat(children.holdingAny(List.of("001215000001"), List.of("none"))).extracting(Child::id).containsExactly(child);
        assertThat(children.holdingAny(List.of(), List.of("REPO-1"))).extracting(Child::id).containsExactly(child);
        assertThat(children.holdingAny(List.of("REPO-1"), List.of())).as("each key only in its own column").isEmpty();
        Child stored = children.findById(child);
        assertThat(children.namedByAny(List.of(), List.of("REPO-1"))).containsExactly(new ChildImport.Named(child, "001215000001",
                "REPO-1", stored.fullName(), stored.searchName(), LocalDate.of(2015, 1, 1), stored.unitPath(), ChildStatus.ACTIVE));
        assertThat(children.namedByAny(List.of("REPO-1"), List.of())).isEmpty();

        EpisodeRepository.ActiveEpisodes in2020 = episodes.activeOn(List.of(child), LocalDate.of(2020, 6, 1));
        assertThat(in2020.groups(child)).containsExactly("ORPHANED");
        assertThat(in2020.risks(child)).containsExactly("NEGLECT");
        assertThat(episodes.activeOn(List.of(child), LocalDate.of(2021, 6, 1)).risks(child)).isEmpty();
        assertThat(children.findInScope(child, Scope.of(List.of("20.06271")))).isEmpty();
        assertThat(children.findInScope(child, units.scope("06298"))).isPresent();
    }

    @Test
    @TestTransaction
    void pagesOfAnAreaOfSeveralUnitsAndOfItsVillageComeInOrder() {
        // Ích Hữu's children under its path today and, written before the 2025 reorganisation, under An Sơn's in the district:
        // two units of the tree's second level (20.06298, 20.184), whose names alternate.
        List<UUID> inOrder = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID id = child("1903-03-03", "{}");
            em.createNativeQuery("update child set sort_name = ?2, unit_path = cast(?3 as ltree) where id = ?1")
                    .setParameter(1, id).setParameter(2, name + " " + (char) ('a' + i))
                    .setParameter(3, i % 2 == 0 ? "20.06298.06283_01" : "20.184.06283.06283_01").executeUpdate();
            inOrder.add(id);
        }
        Scope village = Scope.of(List.of("20.06298.06283_01", "20.184.06283.06283_01"));
        Scope yenPhuc = units.scope("06298");
        assertThat(yenPhuc.unitsAtLevel(2)).hasSize(2);

        for (ChildSort sort : List.of(ChildSort.NAME, ChildSort.NAME_DESC)) {
            List<UUID> expected = sort == ChildSort.NAME ? inOrder : inOrder.reversed();
            assertThat(allPages(village, bornIn(null, null), sort)).as("the village collaborator's list, %s", sort).isEqualTo(expected);
            assertThat(allPages(yenPhuc, bornIn(null, null), sort)).as("the commune officer's list, %s", sort).isEqualTo(expected);
            assertThat(allPages(Scope.everything(), bornIn(yenPhuc, null), sort))
                    .as("the administrator's, filtered by the commune, %s", sort).isEqualTo(expected);
            assertThat(allPages(yenPhuc, bornIn(null, SqlRecords.VILLAGE), sort)).as("the commune officer's, filtered by the village, %s", sort)
                    .isEqualTo(expected);
        }
        // In another order a village's rows are read whole and sorted: by birth date (one day here), then by id.
        List<UUID> byId = inOrder.stream().sorted(Comparator.comparing(UUID::toString)).toList();
        assertThat(allPages(yenPhuc, bornIn(null, SqlRecords.VILLAGE), ChildSort.BIRTH_DATE)).isEqualTo(byId);
        assertThat(allPages(Scope.everything(), bornIn(null, SqlRecords.VILLAGE), ChildSort.BIRTH_DATE_DESC)).isEqualTo(byId.reversed());
    }

    @Test
    @TestTransaction
    void theChildrenWhoAreNotActiveAreFoundByAnIndexOfTheirOwn() {
        // A status as the lists state it: were it not served by an index, a list of the children who moved away would read
        // every child of its area to find them.
        em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
        for (ChildStatus status : List.of(ChildStatus.MOVED_AWAY, ChildStatus.DECEASED, ChildStatus.MERGED)) {
            @SuppressWarnings("unchecked")
            List<String> plan = em.createNativeQuery("explain select c.id from child c where " + ChildRepository.hasStatus(status))
                    .getResultList();
            assertThat(String.join("\n", plan)).as(status.name()).contains("child_not_active_ix");
        }
    }

    @Test
    @TestTransaction
    void aVillageOutsideTheAreaListsNothingWithoutAChildRead() {
        UUID id = child("1903-03-03", "{}");
        Scope yenPhuc = units.scope("06298");
        Scope vanQuan = units.scope("06253");
        assertThat(children.pageOfIds(bornIn(null, SqlRecords.VILLAGE), yenPhuc, ChildSort.NAME, null, 10)).containsExactly(id);
        long read = childRowsRead();
        assertThat(children.pageOfIds(bornIn(null, SqlRecords.VILLAGE), Scope.everything(), ChildSort.NAME, null, 10)).containsExactly(id);
        assertThat(childRowsRead() - read).as("rows read by the administrator's list").isPositive();

        // Văn Quan's officer, and the administrator filtering by Văn Quan: the village lies in neither, which the village's
        // paths tell before a row is read. So does a code that names no unit.
        read = childRowsRead();
        for (ChildSort sort : List.of(ChildSort.NAME, ChildSort.BIRTH_DATE)) {
            assertThat(children.pageOfIds(bornIn(null, SqlRecords.VILLAGE), vanQuan, sort, null, 10)).isEmpty();
            assertThat(children.pageOfIds(bornIn(vanQuan, SqlRecords.VILLAGE), Scope.everything(), sort, null, 10)).isEmpty();
            assertThat(children.pageOfIds(bornIn(null, "NO-SUCH"), Scope.everything(), sort, null, 10)).isEmpty();
        }
        assertThat(childRowsRead() - read).as("rows read for nothing").isZero();
    }

    @Test
    @TestTransaction
    void aProvincesPageByNameIsReadFromTheProvincesOwnIndex() {
        // With sorting ruled out, a page by name comes from an index in name order: the province's, or the name index of
        // every child, which the planner took where the province's rows looked scattered, walking past other provinces'.
        em.createNativeQuery("set local enable_sort = off").executeUpdate();
        ChildRepository.Filter everyone = new ChildRepository.Filter(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, List.of(), null);
        for (ChildSort sort : List.of(ChildSort.NAME, ChildSort.NAME_DESC)) {
            long global = indexScans("child_sort_name_ix");
            long province = indexScans("child_province_name_ix");
            assertThat(children.pageOfIds(everyone, units.scope("20"), sort, null, 10)).hasSize(10);
            assertThat(indexScans("child_sort_name_ix")).as("the name index of every child, %s", sort).isEqualTo(global);
            assertThat(indexScans("child_province_name_ix")).as("the province's, %s", sort).isGreaterThan(province);
        }
    }

    /** The scans of index {@code name} in this transaction so far. */
    private long indexScans(String name) {
        return ((Number) em.createNativeQuery("select pg_stat_get_xact_numscans(cast(?1 as regclass))")
                .setParameter(1, name).getSingleResult()).longValue();
    }

    /** The filter of the children born on 1903-03-03 in {@code village} and {@code unit}, as the service makes it. */
    private ChildRepository.Filter bornIn(Scope unit, String village) {
        LocalDate born = LocalDate.of(1903, 3, 3);
        return new ChildRepository.Filter(unit, village, units.subtreesOfCode(village), null, born, born, null, null, null, null,
                null, null, null, null, null, List.of(), null);
    }

    /** The children's rows this transaction has read so far, by any scan. */
    private long childRowsRead() {
        return ((Number) em.createNativeQuery("""
                select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) from pg_stat_xact_user_tables where relname = 'child'""")
                .getSingleResult()).longValue();
    }

    /** Every page, two children at a time, of the children {@code filter} keeps in {@code scope}. */
    private List<UUID> allPages(Scope scope, ChildRepository.Filter filter, ChildSort sort) {
        List<UUID> all = new ArrayList<>();
        ChildSort.Cursor after = null;
        List<UUID> page;
        do {
            page = children.pageOfIds(filter, scope, sort, after, 2);
            all.addAll(page);
            after = page.isEmpty() ? null : sort.cursorAfter(children.findById(page.getLast()));
        } while (page.size() == 2 && all.size() < 20);
        return all;
    }

    private UUID child(String born, String phones) {
        UUID id = SqlRecords.child(em, born, "ACTIVE", null);
        em.createNativeQuery("update child set search_name = ?2, caregiver_phones = cast(?3 as text[]) where id = ?1")
                .setParameter(1, id).setParameter(2, name).setParameter(3, phones).executeUpdate();
        return id;
    }
}
