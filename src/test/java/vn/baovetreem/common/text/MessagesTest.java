package vn.baovetreem.common.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    /**
     * A field's problem written as one literal: {@code new Violation(field, "…")},
     * {@code problem(field, "…")} or {@code problems.add(field, "…")} ({@code Violations}).
     */
    private static final Pattern LITERAL = Pattern.compile(
            "(?:new Violation|problem|(?:problems|violations)\\.add)\\((?:\"[^\"]*\"|[^;\"])*?,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\)");

    /**
     * A problem's detail written as one literal: {@code new ApiException.Conflict(code, "…")} or
     * {@code ApiException.BadRequest.field(code, field, "…")}.
     */
    private static final Pattern DETAIL = Pattern.compile(
            "new ApiException\\.\\w+\\(\\s*(?:ProblemCode\\.\\w+,\\s*)?\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)"
                    + "|ApiException\\.\\w+\\.field\\([^,]+,\\s*\"[^\"]*\",\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");

    @Test
    void everyFieldProblemTheCodeWritesAsALiteralHasItsVietnamese() throws IOException {
        Set<String> messages = literals(LITERAL);
        assertThat(messages).hasSizeGreaterThan(60);
        assertThat(messages.stream().filter(m -> !Messages.translates(m))).as("messages without Vietnamese in messages/vi.tsv")
                .isEmpty();
    }

    @Test
    void everyProblemDetailTheCodeWritesAsALiteralHasItsVietnamese() throws IOException {
        Set<String> details = literals(DETAIL);
        assertThat(details).hasSizeGreaterThan(50).contains("Cancelling a support needs a reason.");
        assertThat(details.stream().filter(m -> !Messages.translates(m))).as("details without Vietnamese in messages/vi.tsv")
                .isEmpty();
    }

    /** Every literal {@code pattern} finds in the main sources (in whichever group matched). */
    private static Set<String> literals(Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = pattern.matcher(Files.readString(source));
                while (m.find()) {
                    for (int group = 1; group <= m.groupCount(); group++) {
                        if (m.group(group) != null) {
                            found.add(m.group(group).replace("\\\"", "\""));
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void aMessageWithValuesIsTranslatedWithItsValuesInTheirPlaces() {
        assertThat(Messages.translate("overlaps the span of F01 in row 12 of the file", Language.VI))
                .isEqualTo("trùng thời gian với khoảng F01 ở dòng 12 của tệp");
        assertThat(Messages.translate("size must be between 0 and 200", Language.VI)).isEqualTo("độ dài phải từ 0 đến 200");
        assertThat(Messages.translate("1 created, 0 updated, 2 unchanged, 3 rows with problems left out.", Language.VI))
                .isEqualTo("1 tạo mới, 0 cập nhật, 2 không đổi, 3 dòng có lỗi được bỏ qua.");
        // A value that is itself a message is translated too.
        assertThat(Messages.translate("personal identification number must be exactly 12 digits", Language.VI))
                .isEqualTo("số định danh cá nhân phải gồm đúng 12 chữ số");
        assertThat(Messages.translate("expected a date as YYYY-MM-DD between 1900-01-01 and 2100-12-31", Language.VI))
                .isEqualTo("cần một ngày dạng YYYY-MM-DD trong khoảng 1900-01-01 đến 2100-12-31");
        assertThat(Messages.translate("Child '4f0c' was not found.", Language.VI)).isEqualTo("Không tìm thấy hồ sơ trẻ '4f0c'.");
        // Details assembled from values, a value first included.
        assertThat(Messages.translate("sort must be one of name, -name, dateOfBirth.", Language.VI))
                .isEqualTo("sort phải là một trong các giá trị name, -name, dateOfBirth.");
        assertThat(Messages.translate("4f0c is not a child in your area.", Language.VI)).isEqualTo("4f0c không phải là trẻ thuộc địa bàn của bạn.");
        assertThat(Messages.translate("The file's columns are not those of a file of interventions; see GET /imports/templates/interventions.",
                Language.VI)).isEqualTo("Các cột của tệp không phải của tệp hỗ trợ; xem GET /imports/templates/interventions.");
        assertThat(Messages.translate("is not a date between 1900-01-01 and 2100-12-31", Language.VI))
                .isEqualTo("không phải là ngày trong khoảng 1900-01-01 đến 2100-12-31");
        // Built from values (EpisodeService.check), so the scan of literals above cannot see it.
        assertThat(Messages.translate("The child already has a span of HCDB_D from 2026-11-02 (open); end or correct it first.", Language.VI))
                .isEqualTo("Trẻ đã có khoảng thời gian HCDB_D từ 2026-11-02 (chưa kết thúc); hãy kết thúc hoặc sửa khoảng đó trước.");
        assertThat(Messages.translate("The child already has a span of HCDB_D from 2026-11-02 to 2026-11-30; end or correct it first.",
                Language.VI)).isEqualTo("Trẻ đã có khoảng thời gian HCDB_D từ 2026-11-02 đến 2026-11-30; hãy kết thúc hoặc sửa khoảng đó trước.");
    }

    @Test
    void aMessageTheCatalogueLacksStaysInEnglishAndEnglishIsNeverTouched() {
        assertThat(Messages.translate("a message nobody wrote down", Language.VI)).isEqualTo("a message nobody wrote down");
        assertThat(Messages.translate("must not be blank", Language.EN)).isEqualTo("must not be blank");
        assertThat(Messages.translate(null, Language.VI)).isNull();
    }

    @Test
    void theLanguageIsTheFirstOfAcceptLanguageThatTheServiceSpeaks() {
        for (var c : List.of(
                new Object[]{"vi", Language.VI}, new Object[]{"vi-VN,vi;q=0.9,en-US;q=0.8", Language.VI},
                new Object[]{"fr-FR, en;q=0.5, vi;q=0.4", Language.EN}, new Object[]{"en;q=0.2, vi;q=0.9", Language.VI},
                new Object[]{"vi;q=0, en", Language.EN}, new Object[]{"fr", Language.VI}, new Object[]{"*", Language.VI},
                new Object[]{"", Language.VI}, new Object[]{";;q=x,,", Language.VI})) {
            assertThat(Language.preferred((String) c[0], Language.VI)).as(String.valueOf(c[0])).isEqualTo(c[1]);
        }
        assertThat(Language.preferred(null, Language.EN)).isEqualTo(Language.EN);
    }
}
