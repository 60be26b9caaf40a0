package vn.baovetreem.imports;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.baovetreem.common.error.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an import reads what officers type, without the service: headers in English, in Vietnamese
 * or in a usual short form, whatever their case, diacritics, spaces or underscores; dates, yes/no
 * and whole numbers as written in Vietnam, and nothing guessed.
 */
class ColumnsTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "fullName              | fullName",
            "Họ và tên             | fullName",
            "HỌ VÀ TÊN             | fullName",
            "ho_va_ten             | fullName",
            "Họ tên                | fullName",
            "Số định danh cá nhân  | personalId",
            "Số định danh          | personalId",
            "số cccd               | personalId",
            "Ngày tháng năm sinh   | dateOfBirth",
    })
    void aHeaderNamesItsColumnHoweverItIsWritten(String header, String column) {
        assertThat(ChildrenFile.COLUMNS.of(header)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo(column));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ghi chú của tôi", "Tên", ""})
    @NullSource
    void aHeaderOfNoColumnIsNone(String header) {
        assertThat(ChildrenFile.COLUMNS.of(header)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"2018-03-12, 2018-03-12", "12/03/2018, 2018-03-12", "1/3/2024, 2024-03-01", "29/02/2024, 2024-02-29"})
    void datesAreIsoOrDayFirst(String cell, LocalDate day) {
        assertThat(accepted(Columns::date, cell)).isEqualTo(day);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2018", "29/02/2023", "03/12/18", "2018-3-12", "12.03.2018", "hôm qua", "43171", "+12345-01-01",
            "-0001-01-01", "0001-01-01", "1/1/12345", "31/12/1899", "2101-01-01"})
    void aDayThatIsNotWrittenAsOneIsAProblemNotAGuess(String cell) {
        refused(Columns::date, cell);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"có, true", "Có, true", "x, true", "1, true", "TRUE, true", "không, false", "Khong, false", "0, false", "no, false"})
    void yesOrNoInVietnameseOrEnglish(String cell, boolean value) {
        assertThat(accepted(Columns::yesNo, cell)).isEqualTo(value);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {"750000 | 750000", "750.000 | 750000", "1,000,000 | 1000000", "1 500 000 | 1500000"})
    void wholeNumbersMayGroupThousands(String cell, long value) {
        assertThat(accepted(Columns::number, cell)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "7.50", "12,3456", "-5", "1e6", "một triệu", "1234567890123456789"})
    void anythingElseIsNotAWholeNumber(String cell) {
        refused(Columns::number, cell);
    }

    /** How {@link Columns} reads one kind of cell. */
    private interface CellReader<T> {
        T read(Map<String, String> row, String column, List<Violation> problems);
    }

    /** The value of {@code cell}, which must be read without a problem. */
    private static <T> T accepted(CellReader<T> reader, String cell) {
        List<Violation> problems = new ArrayList<>();
        T value = reader.read(Map.of("cell", cell), "cell", problems);
        assertThat(problems).as("problems reading %s", cell).isEmpty();
        return value;
    }

    /** {@code cell} gives no value and one problem, named after its column. */
    private static void refused(CellReader<?> reader, String cell) {
        List<Violation> problems = new ArrayList<>();
        assertThat(reader.read(Map.of("cell", cell), "cell", problems)).isNull();
        assertThat(problems).extracting(Violation::field).containsExactly("cell");
    }
}
