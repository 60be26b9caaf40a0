package vn.baovetreem.indicators;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The export's ETag, a digest of the format and of the values' JSON without their generation time. */
class ExportsTest {

    /** Values' JSON as the export writes it, with a unit name that holds the text of the generation time's key. */
    private static byte[] json(String generatedAt, long count) {
        return ("{\"catalogueVersion\":\"2025.1\",\"unit\":{\"code\":\"06298\",\"name\":\"X\\\"generatedAt\\\":\\\"x\"},"
                + "\"cutOff\":\"2025-12-31\",\"generatedAt\":\"" + generatedAt + "\",\"indicators\":[{\"numerator\":" + count + "}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theEtagIgnoresOnlyTheGenerationTime() {
        String etag = Exports.etag(Exports.Format.JSON, json("2026-12-03T20:00:00Z", 5));
        assertThat(Exports.etag(Exports.Format.JSON, json("2026-12-04T07:30:12.345678Z", 5))).isEqualTo(etag);
        assertThat(Exports.etag(Exports.Format.JSON, json("2026-12-03T20:00:00Z", 6))).isNotEqualTo(etag);
        assertThat(Exports.etag(Exports.Format.CSV, json("2026-12-03T20:00:00Z", 5))).isNotEqualTo(etag);
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void theEtagIsTheDigestOfTheValuesGeneratedAtTheEpochAsEarlierBuildsGaveIt() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update("CSV".getBytes(StandardCharsets.UTF_8));
        digest.update(json("1970-01-01T00:00:00Z", 5));
        assertThat(Exports.etag(Exports.Format.CSV, json("2026-12-03T20:00:00Z", 5)))
                .isEqualTo("\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"");
    }

    @Test
    void valuesWithoutAGenerationTimeAreAnError() {
        assertThatThrownBy(() -> Exports.etag(Exports.Format.JSON, "{\"unit\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class);
    }
}
