package vn.baovetreem.children;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityRulesTest {

    private static final Set<String> PROVINCES = Set.of("001", "020", "079");

    @ParameterizedTest(name = "{0} for a {1} born {2}")
    @CsvSource({
            "020215012345, MALE,   2015-03-12",
            "020315012345, FEMALE, 2015-03-12",
            "001099123456, MALE,   1999-01-01",
            "079109123456, FEMALE, 1909-01-01",
            "020224000001, MALE,   2024-12-31",
    })
    void consistentNumbersPass(String id, String sex, LocalDate born) {
        assertThat(IdentityRules.checkPersonalId("personalId", id, sex, born, PROVINCES)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource({
            "02021501234,  MALE,   2015-03-12, 12 digits",
            "0202150123a5, MALE,   2015-03-12, 12 digits",
            "003215012345, MALE,   2015-03-12, province",
            "020315012345, MALE,   2015-03-12, girl",
            "020215012345, FEMALE, 2015-03-12, boy",
            "020015012345, MALE,   2015-03-12, 2015",
            "020216012345, MALE,   2015-03-12, last two digits",
    })
    void inconsistentNumbersAreExplained(String id, String sex, LocalDate born, String explanation) {
        assertThat(IdentityRules.checkPersonalId("personalId", id, sex, born, PROVINCES))
                .hasValueSatisfying(v -> {
                    assertThat(v.field()).isEqualTo("personalId");
                    assertThat(v.message()).contains(explanation);
                });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0912345678,      0912345678",
            "091 234 5678,    0912345678",
            "+84 912.345.678, 0912345678",
            "84912345678,     0912345678",
            "0388-123-456,    0388123456",
            "0205 3830 123,   02053830123",
    })
    void vietnamesePhoneNumbersAreNormalized(String given, String stored) {
        assertThat(IdentityRules.normalizePhone(given)).hasValue(stored);
    }

    @Test
    void otherPhoneNumbersAreRefused() {
        for (String phone : new String[]{"12345", "0112345678", "091234567", "09123456789", "+1 415 555 0100", "0912abc678"}) {
            assertThat(IdentityRules.normalizePhone(phone)).as(phone).isEmpty();
        }
    }

    @Test
    void vietnameseListsSortByGivenNameFirst() {
        assertThat(Child.sortKey("nguyen van an")).isEqualTo("an | nguyen van an");
        assertThat(Child.sortKey("hoang thi hoa (demo)")).isEqualTo("hoa | hoang thi hoa (demo)");
        assertThat(Child.sortKey("lan")).isEqualTo("lan | lan");
    }
}
