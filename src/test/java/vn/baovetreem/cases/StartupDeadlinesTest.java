package vn.baovetreem.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances starting together both compute the deadlines of cases written by SQL: each batch
 * is computed by one of them, and neither fails (before the advisory lock, one crashed on the
 * primary key of {@code case_deadline}). Each instance is a thread here, with its own connection.
 */
@QuarkusTest
class StartupDeadlinesTest {

    @Inject
    CaseDeadlines deadlines;

    @Inject
    EntityManager em;

    @Test
    void instancesStartingTogetherComputeEachCasesDeadlinesOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            CaseApiTest.report(CaseApiTest.COMMUNE, CaseApiTest.abuse(CaseApiTest.child(), Instant.now().minusSeconds(3600), i == 0));
        }
        long withoutBefore = casesWithoutDeadlines();
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from case_deadline").getSingleResult()).longValue());
        assertThat(stored).as("the demo cases have deadlines").isPositive();
        // As after a restore by SQL: no case has its deadlines.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from case_deadline").executeUpdate());

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<?>[] starts = new CompletableFuture<?>[2];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = CompletableFuture.runAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    deadlines.onStart(null);
                }, instances);
            }
            go.countDown();
            CompletableFuture.allOf(starts).get(2, TimeUnit.MINUTES);
        } finally {
            instances.shutdownNow();
        }

        assertThat(casesWithoutDeadlines()).isEqualTo(withoutBefore);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from case_deadline").getSingleResult()).longValue())).isEqualTo(stored);
    }

    private long casesWithoutDeadlines() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from child_case c where not exists (select 1 from case_deadline d where d.case_id = c.id)""")
                .getSingleResult()).longValue());
    }
}
