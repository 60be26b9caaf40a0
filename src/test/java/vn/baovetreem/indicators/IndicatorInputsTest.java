package vn.baovetreem.indicators;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.testing.SqlRecords;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stamp of what a unit's indicators read, against PostgreSQL (changelog 035): it moves with a
 * write in the unit or to the unit tree, not with a write elsewhere, and every table the
 * indicators read is counted. Written in each test's transaction, which is rolled back.
 */
@QuarkusTest
class IndicatorInputsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 12, 31);
    /** Tables read by the SQL functions the definitions call (unit_positions, safe_home_result, current_parent_code). */
    private static final Set<String> READ_BY_FUNCTIONS = Set.of("admin_unit", "admin_unit_period", "safe_home_assessment",
            "safe_home_checklist", "safe_home_criterion", "household_member", "child_case");

    @Inject
    IndicatorInputs inputs;

    @Inject
    UnitDirectory units;

    @Inject
    EntityManager em;

    /** One figure for the unit: the sum of its stamps. */
    private long stamp(String path) {
        IndicatorInputs.Stamps stamps = inputs.stamps(path, DAY);
        return stamps.everyone() + stamps.parts().values().stream().mapToLong(Long::longValue).sum();
    }

    private String path(String code) {
        return units.pathOn(code, DAY).orElseThrow();
    }

    @Test
    @TestTransaction
    void aWriteMovesTheStampOfTheUnitsAboveItAndNoOther() {
        String yenPhuc = path("06298");
        String other = path("06253");
        long here = stamp(yenPhuc);
        long there = stamp(other);

        UUID child = SqlRecords.child(em);
        SqlRecords.span(em, child, "CIRCUMSTANCE", "ORPHANED", "2020-01-01", null);
        assertThat(stamp(yenPhuc)).isEqualTo(here + 2);
        assertThat(stamp(other)).isEqualTo(there);

        em.createNativeQuery("update admin_unit set note = 'đã kiểm tra' where code = '06253'").executeUpdate();
        assertThat(stamp(yenPhuc)).as("the unit tree is everyone's").isEqualTo(here + 3);
        assertThat(stamp(other)).isEqualTo(there + 1);
    }

    @Test
    @TestTransaction
    void foldingNeverLowersAStampAndKeepsCounting() {
        String yenPhuc = path("06298");
        SqlRecords.child(em);
        long before = stamp(yenPhuc);

        inputs.fold();
        long folded = stamp(yenPhuc);
        assertThat(folded).isGreaterThanOrEqualTo(before);
        assertThat(em.createNativeQuery("select count(*) from indicator_input_write").getSingleResult()).isEqualTo(0L);

        SqlRecords.child(em);
        assertThat(stamp(yenPhuc)).isEqualTo(folded + 1);
    }

    @Test
    @TestTransaction
    void aFoldLeavesTheStampsOfTheUnitsItDoesNotTouchAsTheyWere() {
        String yenPhuc = path("06298");
        String other = path("06253");
        String province = path("20");
        inputs.fold();
        long there = stamp(other);
        SqlRecords.child(em);
        long here = stamp(yenPhuc);
        long above = stamp(province);

        assertThat(inputs.fold()).isEqualTo(1);
        assertThat(stamp(other)).isEqualTo(there);
        assertThat(stamp(yenPhuc)).isEqualTo(here);
        assertThat(stamp(province)).isEqualTo(above);
        SqlRecords.child(em);
        assertThat(stamp(province)).isEqualTo(above + 1);
    }

    @Test
    @TestTransaction
    void aWriteMovesTheStampOfThePartItIsInAndNoOtherPart() {
        String province = path("20");
        String village = path(SqlRecords.VILLAGE);
        String commune = village.substring(0, village.lastIndexOf('.'));
        IndicatorInputs.Stamps above = inputs.stamps(province, DAY);
        IndicatorInputs.Stamps here = inputs.stamps(commune, DAY);

        SqlRecords.child(em);
        assertThat(inputs.stamps(province, DAY).movedSince(above)).containsExactly(commune.substring(commune.lastIndexOf('.') + 1));
        assertThat(inputs.stamps(commune, DAY).movedSince(here)).containsExactly(SqlRecords.VILLAGE);
        inputs.fold();
        assertThat(inputs.stamps(commune, DAY).movedSince(here)).as("folded, the same part").containsExactly(SqlRecords.VILLAGE);

        em.createNativeQuery("update admin_unit set note = 'đã kiểm tra' where code = '06253'").executeUpdate();
        assertThat(inputs.stamps(commune, DAY).movedSince(here)).as("the unit tree is every part's").isNull();
    }

    @Test
    @TestTransaction
    void anUpdateNamesTheUnitsOfItsRowsBeforeAndAfterIt() {
        UUID caseId = SqlRecords.abuseCase(em, SqlRecords.child(em));
        String other = path("06253");
        long there = stamp(other);

        em.createNativeQuery("update child_case set transfer_to_code = '06253', transfer_to_path = cast(?2 as ltree) where id = ?1")
                .setParameter(1, caseId).setParameter(2, other).executeUpdate();
        assertThat(stamp(other)).as("the unit the case goes to").isEqualTo(there + 1);
        em.createNativeQuery("update child_case set transfer_to_code = null, transfer_to_path = null where id = ?1").setParameter(1, caseId).executeUpdate();
        assertThat(stamp(other)).as("the unit the case no longer goes to").isEqualTo(there + 2);
    }

    @Test
    @TestTransaction
    void everyTableTheIndicatorsReadCountsItsWrites() throws IOException {
        Set<String> read = new TreeSet<>(READ_BY_FUNCTIONS);
        try (InputStream definitions = getClass().getResourceAsStream("/indicators/definitions.yaml")) {
            Matcher m = Pattern.compile("\\b(?:from|join)\\s+([a-z_]+)\\b(?!\\s*\\()")
                    .matcher(new String(definitions.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                read.add(m.group(1));
            }
        }
        @SuppressWarnings("unchecked")
        List<String> tables = em.createNativeQuery("select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace")
                .getResultList();
        read.retainAll(tables);
        @SuppressWarnings("unchecked")
        List<String> counted = em.createNativeQuery("""
                        select distinct c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
                        join pg_proc p on p.oid = t.tgfoid
                        where p.proname in ('indicator_input_written', c.relname || '_indicator_input')""").getResultList();
        assertThat(read).contains("child", "child_episode", "intervention", "unit_fact", "awareness_activity");
        assertThat(counted).containsAll(read);
    }
}
