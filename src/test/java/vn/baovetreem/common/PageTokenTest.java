package vn.baovetreem.common;

import org.junit.jupiter.api.Test;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.paging.Page;
import vn.baovetreem.common.paging.PageRequest;
import vn.baovetreem.common.paging.PageToken;
import vn.baovetreem.common.paging.PagingConfig;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTokenTest {

    private static final PagingConfig CONFIG = new PagingConfig() {
        @Override public int defaultSize() { return 50; }
        @Override public int maxSize() { return 200; }
    };

    @Test
    void tokenRoundTripsTheLastKey() {
        String token = PageToken.encode("admin-units", "f", "06283");
        assertThat(token).doesNotContain("06283");
        assertThat(PageToken.decode(token, "admin-units", "f")).isEqualTo("06283");
    }

    @Test
    void noTokenMeansFirstPage() {
        assertThat(PageToken.decode(null, "admin-units", "f")).isNull();
        assertThat(PageToken.decode("", "admin-units", "f")).isNull();
    }

    @Test
    void tokenOfAnotherListOrOtherFiltersOrGarbageIsRefused() {
        String token = PageToken.encode("admin-units", "f", "06283");
        assertThatThrownBy(() -> PageToken.decode(token, "audit-events", "f")).isInstanceOf(ApiException.BadRequest.class);
        assertThatThrownBy(() -> PageToken.decode(token, "admin-units", "g")).isInstanceOf(ApiException.BadRequest.class);
        assertThatThrownBy(() -> PageToken.decode("%%%not-base64", "admin-units", "f")).isInstanceOf(ApiException.BadRequest.class);
        assertThatThrownBy(() -> PageToken.decode("aGVsbG8", "admin-units", "f")).isInstanceOf(ApiException.BadRequest.class);
    }

    @Test
    void anEditedOrUnsignedTokenIsRefusedBeforeAnyQuerySeesIt() {
        String token = PageToken.encode("cases", "f", "2025-01-01T00:00:00Z|00000000-0000-4000-8000-000000000000");
        String signature = token.substring(token.indexOf('.') + 1);
        String forgedKey = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("2\ncases\n" + Integer.toHexString("f".hashCode()) + "\n+999999999-12-31T00:00:00Z|x")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PageToken.decode(forgedKey + "." + signature, "cases", "f")).isInstanceOf(ApiException.BadRequest.class);
        assertThatThrownBy(() -> PageToken.decode(forgedKey, "cases", "f")).isInstanceOf(ApiException.BadRequest.class);
        assertThatThrownBy(() -> PageToken.decode(token.substring(0, token.length() - 2) + "AA", "cases", "f"))
                .isInstanceOf(ApiException.BadRequest.class);
        assertThat(PageToken.decode(token, "cases", "f")).startsWith("2025-01-01");
    }

    @Test
    void pageSizeIsDefaultedAndClampedButNeverBelowOne() {
        assertThat(PageRequest.of(null, null, CONFIG).size()).isEqualTo(50);
        assertThat(PageRequest.of(10_000, null, CONFIG).size()).isEqualTo(200);
        assertThatThrownBy(() -> PageRequest.of(0, null, CONFIG)).isInstanceOf(ApiException.BadRequest.class);
    }

    @Test
    void overfetchedRowTellsThatANextPageExists() {
        Page<String> last = Page.fromOverfetch(List.of("a", "b"), 2, s -> "t-" + s);
        assertThat(last.items()).containsExactly("a", "b");
        assertThat(last.nextPageToken()).isNull();
        Page<String> more = Page.fromOverfetch(List.of("a", "b", "c"), 2, s -> "t-" + s);
        assertThat(more.items()).containsExactly("a", "b");
        assertThat(more.nextPageToken()).isEqualTo("t-b");
    }
}
