package vn.baovetreem.common.paging;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages built from one row more than their size, some rows deleted between a page's query and its load. */
class PageTest {

    @Test
    void theExtraRowOnlyTellsThatANextPageExists() {
        assertThat(Page.fromOverfetch(List.of("a", "b", "c"), 2, last -> "after " + last)).isEqualTo(new Page<>(List.of("a", "b"), "after b"));
        assertThat(Page.fromOverfetch(List.of("a", "b"), 2, last -> "after " + last)).isEqualTo(new Page<>(List.of("a", "b"), null));
    }

    @Test
    void aRecordDeletedSinceItsIdWasReadIsLeftOutAndTheNextMovesUp() {
        assertThat(Page.fromOverfetch(Arrays.asList("a", null, "c"), 2, last -> "after " + last))
                .isEqualTo(new Page<>(List.of("a", "c"), "after c"));
        assertThat(Page.fromOverfetch(Arrays.asList("a", "b", null), 2, last -> "after " + last))
                .isEqualTo(new Page<>(List.of("a", "b"), "after b"));
        assertThat(Page.fromOverfetch(Arrays.asList("a", null), 2, last -> "after " + last)).isEqualTo(new Page<>(List.of("a"), null));
        assertThat(Page.fromOverfetch(Arrays.asList(null, null, null), 2, last -> "after " + last)).isEqualTo(new Page<>(List.of(), null));
    }
}
