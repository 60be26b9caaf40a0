package vn.baovetreem.common.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.baovetreem.children.Child;
import vn.baovetreem.testing.TestChildren;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A session declared a read writes nothing it loads, and a session that already holds records cannot be declared one. */
@QuarkusTest
class ReadOnlySessionTest {

    @Inject
    EntityManager em;

    @Test
    void aReadWritesNothingItLoads() {
        UUID id = TestChildren.register("06283_01", "2016-04-04", "Chỉ Đọc");
        long version = QuarkusTransaction.requiringNew().call(() -> em.find(Child.class, id).version());

        QuarkusTransaction.requiringNew().run(() -> {
            ReadOnlySession.declare(em);
            em.find(Child.class, id).touch(Instant.now());
        });

        assertThat(QuarkusTransaction.requiringNew().call(() -> em.find(Child.class, id).version())).isEqualTo(version);
    }

    @Test
    void aSessionThatHoldsRecordsIsNotDeclaredARead() {
        UUID id = TestChildren.register("06283_01", "2016-05-05", "Đã Giữ");
        QuarkusTransaction.requiringNew().run(() -> {
            em.find(Child.class, id);
            assertThatThrownBy(() -> ReadOnlySession.declare(em)).isInstanceOf(IllegalStateException.class);
        });
    }
}
