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
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Templates of an import file: the header row in Vietnamese (English names are accepted too) and
 * the code list of every coded column. The CSV carries the lists as {@code #} comment lines,
 * which the import skips; the workbook has a sheet to fill, a guide and a sheet per code list.
 */
@ApplicationScoped
public class ImportTemplates {

    private final KindFiles files;
    private final CodeListCatalog codes;
    private final AccessPolicy access;

    ImportTemplates(KindFiles files, CodeListCatalog codes, AccessPolicy access) {
        this.files = files;
        this.codes = codes;
        this.access = access;
    }

    public byte[] csv(ImportKind kind) {
        access.check(Operation.RUN_IMPORTS);
        List<Columns.Column> columns = files.of(kind).columns().all();
        StringBuilder out = new StringBuilder(CsvLines.BOM);
        CsvLines.line(out, columns.stream().map(Columns.Column::vietnamese).toList());
        out.append("# Mẫu nhập ").append(kind.title()).append(" / ").append(kind.name().toLowerCase(Locale.ROOT))
                .append(" import template. Tiêu đề cột tiếng Việt hoặc tiếng Anh / Vietnamese or English headers: ")
                .append(columns.stream().map(c -> c.vietnamese() + " = " + c.name()).collect(Collectors.joining("; ")))
                .append("\r\n");
        for (Columns.Column c : columns) {
            for (CodeList list : lists(c)) {
                comment(out, c.vietnamese() + " (" + c.name() + ", " + list.name() + ")", list.entries());
                for (CodeList.Entry e : list.entries()) {
                    if (e.subcodes() != null && !e.subcodes().isEmpty()) {
                        comment(out, "Mã nhóm nhỏ của / subcodes of " + e.code(), e.subcodes());
                    }
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx(ImportKind kind) {
        access.check(Operation.RUN_IMPORTS);
        List<Columns.Column> columns = files.of(kind).columns().all();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet data = book.createSheet(kind.sheet());
            row(data, 0, bold, columns.stream().map(Columns.Column::vietnamese).toList());
            // Text columns keep what is typed (a personal identification number keeps its leading zero); dates are dates.
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle number = book.createCellStyle();
            number.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            for (int i = 0; i < columns.size(); i++) {
                data.setColumnWidth(i, 22 * 256);
                data.setDefaultColumnStyle(i, switch (columns.get(i).type()) {
                    case DATE -> date;
                    case NUMBER -> number;
                    case TEXT, YES_NO -> text;
                });
            }
            data.createFreezePane(0, 1);
            Sheet guide = book.createSheet("Hướng dẫn");
            row(guide, 0, bold, List.of("Cột (tiếng Việt)", "Column (English)", "Bắt buộc / required", "Ghi chú / notes", "Danh mục / code list"));
            int r = 1;
            for (Columns.Column c : columns) {
                row(guide, r++, null, List.of(c.vietnamese(), c.name(), c.required() ? "x" : "",
                        c.description() == null ? "" : c.description(), String.join(", ", c.codeLists())));
            }
            columns.stream().flatMap(c -> lists(c).stream()).forEach(list -> codeSheet(book, bold, list));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<CodeList> lists(Columns.Column column) {
        return column.codeLists().stream().flatMap(name -> codes.find(name).stream()).toList();
    }

    private static void comment(StringBuilder out, String about, List<CodeList.Entry> entries) {
        out.append("# ").append(about).append(": ")
                .append(entries.stream().map(e -> e.code() + " = " + e.labelVi()).collect(Collectors.joining("; "))).append("\r\n");
    }

    /** A sheet of the list's codes; a code's subcodes follow it, each naming the code it refines. */
    private static void codeSheet(XSSFWorkbook book, CellStyle bold, CodeList list) {
        Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(list.name()));
        row(sheet, 0, bold, List.of("code", list.labelVi(), list.labelEn(), "thuộc mã / subcode of"));
        int r = 1;
        for (CodeList.Entry e : list.entries()) {
            row(sheet, r++, null, List.of(e.code(), e.labelVi(), e.labelEn(), ""));
            for (CodeList.Entry sub : e.subcodes() == null ? List.<CodeList.Entry>of() : e.subcodes()) {
                row(sheet, r++, null, List.of(sub.code(), sub.labelVi(), sub.labelEn(), e.code()));
            }
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
