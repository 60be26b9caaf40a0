package vn.baovetreem.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.http.MergePatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The examples of RFC 7396 §3 that apply to objects. */
class MergePatchTest {

    private final ObjectMapper json = new ObjectMapper();

    private String apply(String target, String patch) throws Exception {
        return MergePatch.apply((ObjectNode) json.readTree(target), json.readTree(patch)).toString();
    }

    @Test
    void membersAreReplacedAddedAndRemoved() throws Exception {
        assertThat(apply("{\"a\":\"b\"}", "{\"a\":\"c\"}")).isEqualTo("{\"a\":\"c\"}");
        assertThat(apply("{\"a\":\"b\"}", "{\"b\":\"c\"}")).isEqualTo("{\"a\":\"b\",\"b\":\"c\"}");
        assertThat(apply("{\"a\":\"b\"}", "{\"a\":null}")).isEqualTo("{}");
        assertThat(apply("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}")).isEqualTo("{\"b\":\"c\"}");
        assertThat(apply("{\"a\":[\"b\"]}", "{\"a\":\"c\"}")).isEqualTo("{\"a\":\"c\"}");
        assertThat(apply("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}")).isEqualTo("{\"a\":{\"b\":\"d\"}}");
        assertThat(apply("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}")).isEqualTo("{\"a\":[1]}");
        assertThat(apply("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}")).isEqualTo("{\"a\":{\"bb\":{}}}");
    }

    @Test
    void theTargetIsNotChanged() throws Exception {
        ObjectNode target = (ObjectNode) json.readTree("{\"a\":\"b\"}");
        MergePatch.apply(target, json.readTree("{\"a\":null}"));
        assertThat(target.toString()).isEqualTo("{\"a\":\"b\"}");
    }

    @Test
    void aPatchMustBeAnObject() {
        assertThatThrownBy(() -> apply("{\"a\":\"b\"}", "[\"c\"]")).isInstanceOf(ApiException.BadRequest.class);
    }
}
