package vn.baovetreem.common.persistence;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import vn.baovetreem.cases.CaseState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each PostgreSQL type the repositories read comes back by column name as the Java type they expect, nulls included. */
@QuarkusTest
class RowTest {

    @Inject
    EntityManager em;

    @Test
    @Transactional
    void everyColumnTypeIsReadByItsName() {
        List<Row> rows = Row.all(em.createNativeQuery("""
                select cast('6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f' as uuid) as id, 'PLANNING' as status, cast(7 as integer) as small,
                       cast(9000000000 as bigint) as big, true as flag, cast('2025-08-28T08:30:00+07:00' as timestamptz) as at,
                       cast('2025-08-28' as date) as day, cast(null as timestamptz) as never, cast(null as date) as no_day,
                       cast(null as text) as nothing, cast(12500000.50 as numeric) as amount""", Tuple.class));

        assertThat(rows).hasSize(1);
        Row row = rows.getFirst();
        assertThat(row.uuid("id")).isEqualTo(UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"));
        assertThat(row.enumValue("status", CaseState.class)).isEqualTo(CaseState.PLANNING);
        assertThat(row.integer("small")).isEqualTo(7);
        assertThat(row.bigint("big")).isEqualTo(9_000_000_000L);
        assertThat(row.bool("flag")).isTrue();
        assertThat(row.decimal("amount")).isEqualByComparingTo("12500000.5");
        assertThat(row.instant("at")).isEqualTo(Instant.parse("2025-08-28T01:30:00Z"));
        assertThat(row.date("day")).isEqualTo(LocalDate.of(2025, 8, 28));
        assertThat(row.instant("never")).isNull();
        assertThat(row.date("no_day")).isNull();
        assertThat(row.text("nothing")).isNull();
        assertThat(row.enumValue("nothing", CaseState.class)).isNull();
    }
}
