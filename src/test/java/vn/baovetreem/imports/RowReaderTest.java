package vn.baovetreem.imports;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a CSV file is cut into rows when a cell is broken, without the service. */
class RowReaderTest {

    @Test
    void aQuoteNeverClosedIsAProblemOfTheRowThatOpenedItAndTheRowsBeforeItAreRead() throws IOException {
        List<RowReader.Row> rows = rows("""
                Họ và tên,Ngày sinh
                Nguyễn Văn A,01/02/2015
                Trần Thị B,"01/02/2016
                Lê Văn C,03/04/2014
                """);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values()).containsEntry("Họ và tên", "Nguyễn Văn A");
        assertThat(rows.get(1).number()).isEqualTo(3);
        assertThat(rows.get(1).unreadable()).isEqualTo(RowReader.Csv.UNCLOSED_QUOTE);
    }

    @Test
    void aCellIsKeptUpToItsLimitWhateverItsLength() throws IOException {
        String huge = "x".repeat(3 * RowReader.Csv.MAX_CELL);
        List<RowReader.Row> rows = rows("Họ và tên,Ghi chú\n\"" + huge + "\"," + huge + "\nLê Văn C,ngắn\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values().get("Họ và tên")).hasSize(RowReader.Csv.MAX_CELL);
        assertThat(rows.get(0).values().get("Ghi chú")).hasSize(RowReader.Csv.MAX_CELL);
        assertThat(rows.get(1).values()).containsEntry("Ghi chú", "ngắn");
    }

    @Test
    void aQuotedCellKeepsItsSeparatorsQuotesAndLineBreaks() throws IOException {
        List<RowReader.Row> rows = rows("Họ và tên,Ghi chú\nLê Văn C,\"một, \"\"hai\"\"\nba\"\n");

        assertThat(rows.getFirst().values()).containsEntry("Ghi chú", "một, \"hai\"\nba");
        assertThat(rows.getFirst().unreadable()).isNull();
    }

    @Test
    void rowsAreReadWholeWhereverTheReadersBufferEnds() throws IOException {
        // Rows of varying length, so that line ends, doubled quotes and letters of two or three bytes fall on every side of
        // the reader's buffer boundaries (8,192 characters) somewhere in the file.
        StringBuilder csv = new StringBuilder("Họ và tên,Ghi chú\r\n");
        for (int i = 0; i < 3_000; i++) {
            csv.append("Lê Văn ").append("ữ".repeat(i % 37)).append(",\"a\"\"b\r\nc\"\r\n");
        }
        List<RowReader.Row> rows = rows(csv.toString());

        assertThat(rows).hasSize(3_000);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).values()).containsEntry("Họ và tên", ("Lê Văn " + "ữ".repeat(i % 37)).strip())
                    .containsEntry("Ghi chú", "a\"b\r\nc");
        }
        assertThat(rows.getLast().number()).isEqualTo(2 * 3_000);
    }

    @Test
    void bytesThatAreNotUtf8AfterTheFirstBufferStopTheReading() {
        byte[] text = ("Họ và tên,Ghi chú\n" + "Lê Văn A,ngắn\n".repeat(2_000)).getBytes(StandardCharsets.UTF_8);
        byte[] file = java.util.Arrays.copyOf(text, text.length + 1);
        file[text.length] = (byte) 0xFF;

        assertThatThrownBy(() -> {
            try (RowReader.Csv reader = new RowReader.Csv(new ByteArrayInputStream(file))) {
                while (reader.next() != null) {
                    // every row up to the byte
                }
            }
        }).isInstanceOf(RowReader.NotUtf8.class);
    }

    private static List<RowReader.Row> rows(String csv) throws IOException {
        List<RowReader.Row> rows = new ArrayList<>();
        try (RowReader.Csv reader = new RowReader.Csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            RowReader.Row row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
