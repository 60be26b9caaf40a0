package vn.baovetreem.children;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.security.Scope;
import vn.baovetreem.testing.SqlRecords;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name search's lists of words (changelog 038) against PostgreSQL: every page they give is the
 * page a plain scan of the registry gives, and they follow each write of a name, a unit, a merge and
 * a deletion. Children are written by SQL inside each test's transaction, which is rolled back.
 */
@QuarkusTest
class NameSearchListsTest {

    private static final String OTHER_COMMUNE_VILLAGE = "06253_01";

    @Inject
    ChildRepository children;

    @Inject
    EntityManager em;

    /** Letters no demo name begins a word with, so that this test's words are its own. */
    private final String mark = "qz" + new Random().ints(5, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
            StringBuilder::append);

    @Test
    @TestTransaction
    void everyPageOfTheListsIsThePageAScanOfTheRegistryGives() {
        Random random = new Random(7);
        String[] family = {mark + "nguyen", mark + "tran", mark + "hoang", "ha", "ho"};
        String[] given = {mark + "an", mark + "anh", mark + "hoa", "hai", "linh"};
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = family[random.nextInt(family.length)] + " " + given[random.nextInt(given.length)] + " "
                    + given[random.nextInt(given.length)];
            ids.add(child(name, i % 3 == 0 ? OTHER_COMMUNE_VILLAGE : SqlRecords.VILLAGE));
        }
        // Records the search leaves out unless asked: merged ones.
        em.createNativeQuery("update child set status = 'MERGED', merged_into_id = ?2 where id = ?1")
                .setParameter(1, ids.get(1)).setParameter(2, ids.get(0)).executeUpdate();

        Scope province = Scope.of(List.of("20"));
        Scope commune = Scope.of(List.of("20.06298"));
        Scope village = Scope.of(List.of("20.06298.06283_01"));
        for (String q : List.of(mark, mark + "a", mark + "an", mark + "hoa", mark + "n " + mark + "a", "h", "ha " + mark + "an",
                mark + "tran " + mark + "hoa")) {
            List<String> words = Arrays.asList(q.split(" "));
            for (Scope scope : List.of(province, commune, village)) {
                for (ChildSort sort : List.of(ChildSort.NAME, ChildSort.NAME_DESC)) {
                    assertThat(allPages(filter(null, words), scope, sort)).as("%s in %s by %s", q, scope.paths(), sort)
                            .isEqualTo(scan(words, scope, sort));
                }
            }
            // The commune asked for as a unit, within the province's scope, and a unit outside the scope.
            assertThat(allPages(filter(commune, words), province, ChildSort.NAME)).isEqualTo(scan(words, commune, ChildSort.NAME));
            assertThat(allPages(filter(Scope.of(List.of("20.06253")), words), commune, ChildSort.NAME)).isEmpty();
        }
        assertThat(allPages(filter(null, List.of(mark + "hoa")), province, ChildSort.NAME)).isNotEmpty().doesNotContain(ids.get(1));
    }

    @Test
    @TestTransaction
    void theListsFollowANewNameAMoveAMergeAndADeletion() {
        Scope commune = Scope.of(List.of("20.06298"));
        Scope otherCommune = Scope.of(List.of("20.06253"));
        UUID id = child(mark + "le thi " + mark + "mai", SqlRecords.VILLAGE);
        UUID survivor = child(mark + "le thi " + mark + "mai", SqlRecords.VILLAGE);
        assertThat(listed(id)).as("three words under the province and under the commune").isEqualTo(6);
        assertThat(search(commune, mark + "mai")).contains(id);

        em.createNativeQuery("update child set search_name = ?2, sort_name = ?3 where id = ?1").setParameter(1, id)
                .setParameter(2, mark + "le thi " + mark + "lan").setParameter(3, mark + "lan | " + mark + "le thi " + mark + "lan")
                .executeUpdate();
        assertThat(search(commune, mark + "mai")).doesNotContain(id);
        assertThat(search(commune, mark + "lan")).containsExactly(id);

        em.createNativeQuery("""
                        update child set village_code = u.code, unit_path = p.path
                        from admin_unit u join admin_unit_period p on p.unit_id = u.id and p.valid_to is null
                        where child.id = ?1 and u.code = ?2""")
                .setParameter(1, id).setParameter(2, OTHER_COMMUNE_VILLAGE).executeUpdate();
        assertThat(search(commune, mark + "lan")).isEmpty();
        assertThat(search(otherCommune, mark + "lan")).containsExactly(id);
        assertThat(search(Scope.of(List.of("20")), mark + "lan")).containsExactly(id);

        em.createNativeQuery("update child set status = 'MERGED', merged_into_id = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, survivor).executeUpdate();
        assertThat(search(otherCommune, mark + "lan")).isEmpty();
        assertThat(listed(id)).isZero();
        ChildRepository.Filter merged = new ChildRepository.Filter(null, null, null, null, null, null, null, null, null, null,
                ChildStatus.MERGED, null, null, null, null, List.of(mark + "lan"), null);
        assertThat(children.pageOfIds(merged, otherCommune, ChildSort.NAME, null, 10)).as("found by the name index").containsExactly(id);

        em.createNativeQuery("delete from child where id in (?1, ?2)").setParameter(1, survivor).setParameter(2, id).executeUpdate();
        assertThat(listed(survivor)).isZero();
        assertThat(search(commune, mark + "mai")).isEmpty();
    }

    private UUID child(String searchName, String village) {
        UUID id = SqlRecords.child(em);
        String given = searchName.substring(searchName.lastIndexOf(' ') + 1);
        em.createNativeQuery("""
                        update child set search_name = ?2, sort_name = ?3, village_code = u.code, unit_path = p.path
                        from admin_unit u join admin_unit_period p on p.unit_id = u.id and p.valid_to is null
                        where child.id = ?1 and u.code = ?4""")
                .setParameter(1, id).setParameter(2, searchName).setParameter(3, given + " | " + searchName).setParameter(4, village)
                .executeUpdate();
        return id;
    }

    private int listed(UUID id) {
        return ((Number) em.createNativeQuery("select count(*) from child_name_word where child_id = ?1").setParameter(1, id)
                .getSingleResult()).intValue();
    }

    private List<UUID> search(Scope scope, String word) {
        return children.pageOfIds(filter(null, List.of(word)), scope, ChildSort.NAME, null, 100);
    }

    private static ChildRepository.Filter filter(Scope unit, List<String> words) {
        return new ChildRepository.Filter(unit, null, null, null, null, null, null, null, null, null, null, null, null, null, null, words, null);
    }

    /** Every page of three, each after the last of the one before. */
    private List<UUID> allPages(ChildRepository.Filter filter, Scope scope, ChildSort sort) {
        List<UUID> all = new ArrayList<>();
        ChildSort.Cursor after = null;
        while (true) {
            List<UUID> page = children.pageOfIds(filter, scope, sort, after, 3);
            all.addAll(page);
            if (page.size() < 3) {
                return all;
            }
            UUID last = page.getLast();
            after = new ChildSort.Cursor((String) em.createNativeQuery("select sort_name from child where id = ?1")
                    .setParameter(1, last).getSingleResult(), last);
        }
    }

    /** What the search should give: the registry read whole, without either index. */
    @SuppressWarnings("unchecked")
    private List<UUID> scan(List<String> words, Scope scope, ChildSort sort) {
        String direction = sort == ChildSort.NAME_DESC ? " desc" : "";
        return em.createNativeQuery("""
                        select id from child
                        where cast(?1 as ltree[]) @> unit_path and status <> 'MERGED'
                          and (' ' || search_name) like all (cast(?2 as text[]))
                        order by sort_name%1$s, id%1$s""".formatted(direction))
                .setParameter(1, scope.asLtreeArray())
                .setParameter(2, "{" + String.join(",", words.stream().map(w -> "\"% " + w + "%\"").toList()) + "}")
                .getResultList();
    }
}
