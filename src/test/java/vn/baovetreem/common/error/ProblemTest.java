package vn.baovetreem.common.error;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem's type is its code in lower case with hyphens, whatever the server's locale. */
class ProblemTest {

    @Test
    void aTurkishServerAnswersTheSameProblemTypes() {
        // Lower-cased in the Turkish locale, "UNIT_MISSING" is "unıt_mıssıng" (dotless i).
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(Problem.of(403, "Forbidden", ProblemCode.UNIT_MISSING, "no unit", List.of()).type())
                    .isEqualTo("urn:problem:cp:unit-missing");
            assertThat(Problem.ofStatus(405, "Method Not Allowed", "no").type()).isEqualTo("urn:problem:cp:http-405");
        } finally {
            Locale.setDefault(before);
        }
    }
}
