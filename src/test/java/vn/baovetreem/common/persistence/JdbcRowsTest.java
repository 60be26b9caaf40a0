package vn.baovetreem.common.persistence;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.SqlRecords;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link JdbcRows} against PostgreSQL, on the connection of each test's transaction, which is rolled back. */
@QuarkusTest
class JdbcRowsTest {

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void oneOfSeveralValuesReadsTheSameRowsAsEachValueAlone() {
        UUID first = SqlRecords.child(em);
        UUID second = SqlRecords.child(em);

        assertThat(ids(List.of(first))).containsExactly(first);
        assertThat(ids(List.of(first, second))).containsExactlyInAnyOrder(first, second);
        assertThat(ids(List.of(UUID.randomUUID()))).isEmpty();
        assertThat(new JdbcRows.AnyOf("id", "uuid", List.of(first)).condition()).as("no array for one value").isEqualTo("id = ?");
    }

    private List<UUID> ids(List<UUID> values) {
        JdbcRows.AnyOf any = new JdbcRows.AnyOf("id", "uuid", values);
        return JdbcRows.list(em, "select id from child where " + any.condition(), row -> row.getObject(1, UUID.class), any.parameter());
    }
}
