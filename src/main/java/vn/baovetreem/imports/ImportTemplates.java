package vn.baovetreem.imports;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.baovetreem.codelists.CodeList;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.text.CsvLines;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.Operation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Templates of an import file: the header row in Vietnamese (English names are accepted too) and
 * the code list of every coded column. The CSV carries the lists as {@code #} comment lines,
 * which the import skips; the workbook has a sheet to fill, a guide and a sheet per code list.
 */
@ApplicationScoped
public class ImportTemplates {

    private final CodeListCatalog codes;
    private final AccessPolicy access;

    ImportTemplates(CodeListCatalog codes, AccessPolicy access) {
        this.codes = codes;
        this.access = access;
    }

    public byte[] csv(ImportKind kind) {
        access.check(Operation.RUN_IMPORTS);
        StringBuilder out = new StringBuilder(CsvLines.BOM);
        CsvLines.line(out, ChildColumns.ALL.stream().map(ChildColumns.Column::vietnamese).toList());
        out.append("# Mẫu nhập danh sách trẻ em / children import template. Tiêu đề cột tiếng Việt hoặc tiếng Anh / "
                + "Vietnamese or English headers: ")
                .append(ChildColumns.ALL.stream().map(c -> c.vietnamese() + " = " + c.name()).collect(Collectors.joining("; ")))
                .append("\r\n");
        for (ChildColumns.Column c : ChildColumns.ALL) {
            if (c.codeList() != null) {
                codes.find(c.codeList()).ifPresent(list -> out.append("# ").append(c.vietnamese()).append(" (").append(c.name())
                        .append("): ").append(list.entries().stream().map(e -> e.code() + " = " + e.labelVi())
                                .collect(Collectors.joining("; "))).append("\r\n"));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx(ImportKind kind) {
        access.check(Operation.RUN_IMPORTS);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet data = book.createSheet("Trẻ em");
            row(data, 0, bold, ChildColumns.ALL.stream().map(ChildColumns.Column::vietnamese).toList());
            // Text columns keep what is typed (a personal identification number keeps its leading zero); dates are dates.
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            for (int i = 0; i < ChildColumns.ALL.size(); i++) {
                data.setColumnWidth(i, 22 * 256);
                data.setDefaultColumnStyle(i, ChildColumns.ALL.get(i).type() == ChildColumns.Type.DATE ? date : text);
            }
            data.createFreezePane(0, 1);
            Sheet guide = book.createSheet("Hướng dẫn");
            row(guide, 0, bold, List.of("Cột (tiếng Việt)", "Column (English)", "Bắt buộc / required", "Ghi chú / notes", "Danh mục / code list"));
            int r = 1;
            for (ChildColumns.Column c : ChildColumns.ALL) {
                row(guide, r++, null, List.of(c.vietnamese(), c.name(), c.required() ? "x" : "",
                        c.description() == null ? "" : c.description(), c.codeList() == null ? "" : c.codeList()));
            }
            for (ChildColumns.Column c : ChildColumns.ALL) {
                if (c.codeList() != null) {
                    codes.find(c.codeList()).ifPresent(list -> codeSheet(book, bold, list));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void codeSheet(XSSFWorkbook book, CellStyle bold, CodeList list) {
        Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(list.name()));
        row(sheet, 0, bold, List.of("code", list.labelVi(), list.labelEn()));
        int r = 1;
        for (CodeList.Entry e : list.entries()) {
            row(sheet, r++, null, List.of(e.code(), e.labelVi(), e.labelEn()));
        }
    }

    private static void row(Sheet sheet, int index, CellStyle style, List<String> values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(values.get(i));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
