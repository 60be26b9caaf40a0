package vn.baovetreem.common;

import org.junit.jupiter.api.Test;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.http.ETags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagsTest {

    @Test
    void etagIsStrongAndMadeFromTheVersion() {
        assertThat(ETags.of(3).toString()).isEqualTo("\"v3\"");
        assertThat(ETags.of(3).isWeak()).isFalse();
    }

    @Test
    void changeWithoutIfMatchIsRefusedWith428() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 1)).isInstanceOf(ApiException.PreconditionRequired.class);
        assertThatThrownBy(() -> ETags.requireMatch("  ", 1)).isInstanceOf(ApiException.PreconditionRequired.class);
    }

    @Test
    void staleIfMatchIsRefusedWith412() {
        assertThatThrownBy(() -> ETags.requireMatch("\"v1\"", 2)).isInstanceOf(ApiException.PreconditionFailed.class);
        assertThatThrownBy(() -> ETags.requireMatch("W/\"v2\"", 2)).isInstanceOf(ApiException.PreconditionFailed.class);
        assertThatThrownBy(() -> ETags.requireMatch("v2", 2)).isInstanceOf(ApiException.PreconditionFailed.class);
    }

    @Test
    void currentTagAnyTagInAListOrStarMatches() {
        assertThatCode(() -> ETags.requireMatch("\"v2\"", 2)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"v1\", \"v2\"", 2)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("*", 7)).doesNotThrowAnyException();
    }
}
