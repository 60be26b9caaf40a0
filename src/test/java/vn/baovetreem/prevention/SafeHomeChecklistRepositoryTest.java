package vn.baovetreem.prevention;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.baovetreem.prevention.SafeHomeChecklist.Checklist;
import vn.baovetreem.prevention.SafeHomeChecklist.Criterion;

import static org.assertj.core.api.Assertions.assertThat;

/** The checklist's query against PostgreSQL and its seeded version, without HTTP. */
@QuarkusTest
class SafeHomeChecklistRepositoryTest {

    @Inject
    SafeHomeChecklistRepository checklists;

    @Test
    void theLatestChecklistHasItsAreasAndCriteriaInOrderAndCountsTheMandatoryOnes() {
        Checklist latest = checklists.latest();

        assertThat(latest.version()).isNotBlank();
        assertThat(latest.areas()).isNotEmpty();
        assertThat(latest.criteria()).isNotEmpty()
                .allSatisfy(c -> assertThat(latest.areas()).anySatisfy(a -> assertThat(a.code()).isEqualTo(c.area())));
        assertThat(latest.mandatoryCount()).isEqualTo((int) latest.criteria().stream().filter(Criterion::mandatory).count()).isPositive();
        assertThat(latest.minimumMet()).isBetween(1, latest.criteria().size());
    }
}
