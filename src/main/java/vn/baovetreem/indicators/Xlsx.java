package vn.baovetreem.indicators;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.baovetreem.indicators.IndicatorService.Result;
import vn.baovetreem.indicators.IndicatorService.Value;
import vn.baovetreem.indicators.IndicatorService.Values;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * The workbook a commune officer prints and signs: Vietnamese labels, the national motto, the
 * title, unit and period, one sheet per indicator group on A4 landscape pages fitted to the width,
 * and the signature block of an official report (the preparer and the chair of the People's
 * Committee).
 */
public final class Xlsx {

    /** The media type of a workbook. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] HEADER = {"STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Đơn vị hành chính", "Phân tổ",
            "Tử số", "Mẫu số", "Giá trị", "Ghi chú"};
    private static final int HEADER_ROW = 8;
    private static final int[] WIDTHS = {6, 12, 48, 12, 24, 28, 10, 10, 10, 34};
    private static final int SHEET_NAME_MAX = 31;
    /** Line height in points of 11-point Times New Roman, for rows of wrapped text. */
    private static final float LINE = 15f;
    /** The same for the 12-point text of paragraphs. */
    private static final float PARAGRAPH_LINE = 16f;

    private Xlsx() {
    }

    /**
     * {@code label} gives the Vietnamese label of a (disaggregation, category); {@code committee}
     * names the unit whose People's Committee issues the workbook with its kind ("Xã Yên Phúc");
     * {@code cover}, when given, writes a first sheet (a periodic report's text) on columns
     * {@code coverWidths} before the indicator sheets.
     */
    static byte[] write(Values values, IndicatorCatalogue catalogue, BinaryOperator<String> label, String committee,
                        int[] coverWidths, Consumer<Page> cover) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            if (cover != null) {
                Page page = new Page(book.createSheet("Báo cáo"), styles, coverWidths, committee);
                cover.accept(page);
                print(page.sheet, -1);
            }
            Map<String, List<Result>> groups = new LinkedHashMap<>();
            for (Result r : values.indicators()) {
                groups.computeIfAbsent(groupKey(r), k -> new java.util.ArrayList<>()).add(r);
            }
            Map<String, String> dimensionNames = new LinkedHashMap<>();
            catalogue.disaggregations().forEach(d -> dimensionNames.put(d.code(), d.nameVi()));
            for (Map.Entry<String, List<Result>> group : groups.entrySet()) {
                Result first = group.getValue().getFirst();
                IndicatorCatalogue.Group g = catalogue.find(first.key()).orElseThrow().group();
                Sheet sheet = book.createSheet(sheetName(g, book));
                int row = heading(sheet, styles, values, committee, g);
                row = table(sheet, styles, group.getValue(), row, label, dimensionNames, catalogue);
                signatures(sheet, styles, row + 2, WIDTHS.length);
                print(sheet, HEADER_ROW);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workbook of one sheet in the official style, {@code widths} giving its columns (in
     * characters), printed on A4 landscape fitted to the width: for documents other than
     * indicator tables, such as a child's personal-data report.
     */
    public static byte[] document(String sheetName, int[] widths, Consumer<Page> writer) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Page page = new Page(book.createSheet(WorkbookUtil.createSafeSheetName(sheetName)), new Styles(book), widths, null);
            writer.accept(page);
            print(page.sheet, -1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String groupKey(Result r) {
        return r.appendix() + "-" + r.groupCode();
    }

    /**
     * The group's sheet name within Excel's 31 characters, cut after a whole word, and numbered
     * when two groups would be cut to the same name.
     */
    private static String sheetName(IndicatorCatalogue.Group g, XSSFWorkbook book) {
        String prefix = switch (g.appendix()) {
            case SITUATION -> "TE";
            case ABUSE -> "XH";
            case SERVICE -> "Khác";
        };
        // Without the characters a sheet name may not hold; WorkbookUtil would also cut it at 31, mid-word.
        String name = (prefix + (g.code() == null ? "" : " " + g.code()) + " " + g.nameVi()).replaceAll("[\\[\\]*?/\\\\:']", " ");
        String[] words = name.trim().split(" +");
        StringBuilder fitted = new StringBuilder(words[0]);
        for (int i = 1; i < words.length && fitted.length() + 1 + words[i].length() <= SHEET_NAME_MAX; i++) {
            fitted.append(' ').append(words[i]);
        }
        String unique = fitted.toString();
        for (int n = 2; book.getSheet(unique) != null; n++) {
            String suffix = " (" + n + ")";
            unique = fitted.substring(0, Math.min(fitted.length(), SHEET_NAME_MAX - suffix.length())).strip() + suffix;
        }
        return unique;
    }

    /**
     * The issuing committee on the left ("ỦY BAN NHÂN DÂN" over "XÃ YÊN PHÚC": {@code committee}
     * names the unit with its kind), the national motto on the right (rows 0 and 1), each side
     * over half of the sheet's {@code columns}.
     */
    private static void motto(Sheet sheet, Styles s, String committee, int columns) {
        int half = columns / 2;
        text(sheet, 0, 0, "ỦY BAN NHÂN DÂN", s.boldCentre, half - 1);
        text(sheet, 0, half, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s.boldCentre, columns - half - 1);
        text(sheet, 1, 0, committee.toUpperCase(Locale.forLanguageTag("vi")), s.boldCentre, half - 1);
        text(sheet, 1, half, "Độc lập - Tự do - Hạnh phúc", s.boldCentre, columns - half - 1);
    }

    private static int heading(Sheet sheet, Styles s, Values values, String committee, IndicatorCatalogue.Group g) {
        motto(sheet, s, committee, WIDTHS.length);
        text(sheet, 3, 0, "BÁO CÁO CHỈ TIÊU THỐNG KÊ VỀ TRẺ EM", s.title, 9);
        text(sheet, 4, 0, "(Thông tư 13/2021/TT-BLĐTBXH; danh mục chỉ tiêu phiên bản " + values.catalogueVersion() + ")", s.centre, 9);
        // A period given by its days (a report's window) has an ISO range for a label: print the days only.
        String label = values.period().label().contains("/") ? "" : values.period().label() + ", ";
        text(sheet, 5, 0, "Đơn vị: " + committee + " (mã " + values.unit().code() + ")   Kỳ báo cáo: "
                + label + "từ " + DAY.format(values.period().from()) + " đến " + DAY.format(values.period().to())
                + "   Số liệu tính đến: " + DAY.format(values.cutOff()), s.centre, 9);
        text(sheet, 6, 0, g.nameVi() + " / " + g.nameEn(), s.bold, 9);
        if (values.suppressBelow() != null) {
            text(sheet, 7, 0, "Số liệu nhỏ hơn " + values.suppressBelow() + " được ẩn (***) để bảo vệ thông tin cá nhân.", s.plain, 9);
        }
        return HEADER_ROW;
    }

    private static int table(Sheet sheet, Styles s, List<Result> results, int start, BinaryOperator<String> label,
                             Map<String, String> dimensionNames, IndicatorCatalogue catalogue) {
        Row header = sheet.createRow(start);
        for (int c = 0; c < HEADER.length; c++) {
            cell(header, c, HEADER[c], s.header);
            sheet.setColumnWidth(c, WIDTHS[c] * 256);
        }
        sheet.createFreezePane(0, start + 1);
        int row = start + 1;
        int number = 0;
        for (Result r : results) {
            number++;
            String code = r.officialCode() != null ? r.officialCode() : "(tạm)";
            String unitOfMeasure = catalogue.find(r.key()).map(IndicatorCatalogue.Indicator::unitVi).orElse(null);
            if (unitOfMeasure == null) {
                unitOfMeasure = switch (r.kind()) {
                    case COUNT -> "Người / lượt";
                    case PERCENT -> "%";
                    case RATE_PER_100000 -> "/100.000 trẻ em";
                };
            }
            CellStyle valueStyle = r.kind() == IndicatorCatalogue.Kind.COUNT ? s.number : s.decimal;
            String note = !r.computable() ? "Không tính được tại đây; nguồn: " + r.heldBy()
                    : r.provisional() ? "Chưa có mã chính thức được xác nhận" : "";
            if (r.values() == null) {
                Row line = sheet.createRow(row++);
                fill(line, s, valueStyle, String.valueOf(number), code, r.nameVi(), unitOfMeasure, "", "", null, null, null, note);
                continue;
            }
            boolean firstLine = true;
            for (Value v : r.values()) {
                Row line = sheet.createRow(row++);
                String breakdown = v.disaggregation() == null ? "Tổng số"
                        : dimensionNames.getOrDefault(v.disaggregation(), v.disaggregation()) + ": " + label.apply(v.disaggregation(), v.category());
                String unit = v.unitName() != null ? v.unitName() : v.unitCode();
                if (Boolean.TRUE.equals(v.suppressed())) {
                    fill(line, s, valueStyle, firstLine ? String.valueOf(number) : "", firstLine ? code : "", firstLine ? r.nameVi() : "",
                            unitOfMeasure, unit, breakdown, null, null, null, "***");
                } else {
                    fill(line, s, valueStyle, firstLine ? String.valueOf(number) : "", firstLine ? code : "", firstLine ? r.nameVi() : "",
                            unitOfMeasure, unit, breakdown, v.numerator(), v.denominator(), v.value(), firstLine ? note : "");
                }
                firstLine = false;
            }
        }
        return row;
    }

    /** One line of the table, as high as its longest wrapped text (name, breakdown or note) needs. */
    private static void fill(Row line, Styles s, CellStyle valueStyle, String number, String code, String name, String unitOfMeasure,
                             String unit, String breakdown, Long numerator, Long denominator, java.math.BigDecimal value, String note) {
        cell(line, 0, number, s.bordered);
        cell(line, 1, code, s.bordered);
        cell(line, 2, name, s.wrapped);
        cell(line, 3, unitOfMeasure, s.bordered);
        cell(line, 4, unit, s.bordered);
        cell(line, 5, breakdown, s.wrapped);
        number(line, 6, numerator, s.number);
        number(line, 7, denominator, s.number);
        Cell v = line.createCell(8);
        v.setCellStyle(valueStyle);
        if (value != null) {
            v.setCellValue(value.doubleValue());
        }
        cell(line, 9, note, s.wrapped);
        fit(line, Math.max(linesOf(name, WIDTHS[2]), Math.max(linesOf(breakdown, WIDTHS[5]), linesOf(note, WIDTHS[9]))), LINE);
    }

    /** The preparer on the left half of the sheet's {@code columns}, the chair of the committee on the right half. */
    private static void signatures(Sheet sheet, Styles s, int row, int columns) {
        int half = columns / 2;
        int right = columns - half - 1;
        text(sheet, row, half, "......, ngày ..... tháng ..... năm ......", s.italicCentre, right);
        text(sheet, row + 1, 0, "NGƯỜI LẬP BIỂU", s.boldCentre, half - 1);
        text(sheet, row + 1, half, "TM. ỦY BAN NHÂN DÂN", s.boldCentre, right);
        text(sheet, row + 2, 0, "(Ký, ghi rõ họ tên)", s.italicCentre, half - 1);
        text(sheet, row + 2, half, "CHỦ TỊCH", s.boldCentre, right);
        text(sheet, row + 3, half, "(Ký, ghi rõ họ tên, đóng dấu)", s.italicCentre, right);
    }

    /** A4 landscape fitted to the width, page numbers, and the table header repeated when {@code headerRow} >= 0. */
    private static void print(Sheet sheet, int headerRow) {
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(true);
        setup.setFitWidth((short) 1);
        setup.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.getFooter().setCenter("Trang &P / &N");
        if (headerRow >= 0) {
            sheet.setRepeatingRows(CellRangeAddress.valueOf(headerRow + 1 + ":" + (headerRow + 1)));
        }
    }

    private static void text(Sheet sheet, int row, int column, String value, CellStyle style, int span) {
        Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        cell(r, column, value, style);
        if (span > 0) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, column, column + span));
        }
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int column, Long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    /**
     * Gives {@code row} the height of {@code lines} lines of {@code lineHeight} points (at most
     * Excel's 409): spreadsheet programs do not grow a row for wrapped text on opening.
     */
    private static void fit(Row row, int lines, float lineHeight) {
        row.setHeightInPoints(Math.min(409, lineHeight * lines));
    }

    /** About how many lines {@code text} takes wrapped in {@code width} characters. */
    private static int linesOf(String text, int width) {
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            // Times New Roman at 11 points fits about one character per unit of width (a digit's width); rendered
            // with LibreOffice, a 150-character target in 34 units takes 4 lines, and 5 are given.
            int perLine = Math.max(1, width - 1);
            lines += Math.max(1, (paragraph.length() + perLine - 1) / perLine);
        }
        return lines;
    }

    /**
     * A sheet in the workbook's official style, for a cover written outside this package: the
     * motto, titles, paragraphs, bordered tables over the page's columns and the signature block.
     */
    public static final class Page {
        private final Sheet sheet;
        private final Styles s;
        private final int[] widths;
        private final int last;
        private int row;
        /** The committee of the workbook this page opens ("Xã Yên Phúc"), or null. */
        private final String committee;

        private Page(Sheet sheet, Styles s, int[] widths, String committee) {
            this.sheet = sheet;
            this.s = s;
            this.committee = committee;
            this.widths = widths;
            this.last = widths.length - 1;
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
        }

        /** The committee and the motto of the workbook this page opens. */
        public Page motto() {
            return motto(committee);
        }

        /** The committee of {@code committee} ("Xã Yên Phúc") and the motto, then a blank line. */
        public Page motto(String committee) {
            Xlsx.motto(sheet, s, committee, widths.length);
            row = 3;
            return this;
        }

        public Page title(String text) {
            text(sheet, row++, 0, text, s.title, last);
            return this;
        }

        public Page centred(String text) {
            text(sheet, row++, 0, text, s.centre, last);
            return this;
        }

        public Page heading(String text) {
            row++;
            text(sheet, row++, 0, text, s.bold, last);
            return this;
        }

        /** Text over the full width, wrapped; its height grows with its length. */
        public Page paragraph(String text) {
            String value = text == null || text.isBlank() ? "(không có)" : text;
            text(sheet, row, 0, value, s.wrappedPlain, last);
            fitHeight(value, 0, last);
            row++;
            return this;
        }

        /** A label over the first {@code labelColumns} columns and its value, wrapped, over the rest. */
        public Page field(int labelColumns, String label, String value) {
            text(sheet, row, 0, label, s.bold, labelColumns - 1);
            text(sheet, row, labelColumns, value == null ? "" : value, s.wrappedPlain, last - labelColumns);
            fitHeight(value == null ? "" : value, labelColumns, last);
            row++;
            return this;
        }

        /** Grows the current row for {@code text} wrapped over columns {@code from} to {@code to}. */
        private void fitHeight(String text, int from, int to) {
            int width = 0;
            for (int c = from; c <= to; c++) {
                width += widths[c];
            }
            fit(sheet.getRow(row), linesOf(text, width), PARAGRAPH_LINE);
        }

        /**
         * A bordered row; header rows are bold. Values are placed in the given columns' order: a
         * number as a number (whole, in the Vietnamese format), anything else as wrapped text.
         */
        public Page tableRow(boolean header, Object... cells) {
            Row line = sheet.createRow(row++);
            int lines = 1;
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] instanceof Number n) {
                    Cell cell = line.createCell(c);
                    cell.setCellStyle(s.number);
                    cell.setCellValue(n.doubleValue());
                    continue;
                }
                String value = cells[c] == null ? "" : cells[c].toString();
                cell(line, c, value, header ? s.header : s.wrapped);
                lines = Math.max(lines, linesOf(value, widths[c]));
            }
            fit(line, lines, LINE);
            return this;
        }

        public Page signatures() {
            Xlsx.signatures(sheet, s, row + 1, widths.length);
            row += 5;
            return this;
        }
    }

    /** The few styles of the workbook, in Times New Roman as official documents are. */
    private static final class Styles {
        final CellStyle plain;
        final CellStyle bold;
        final CellStyle boldCentre;
        final CellStyle italicCentre;
        final CellStyle centre;
        final CellStyle title;
        final CellStyle header;
        final CellStyle bordered;
        final CellStyle wrapped;
        final CellStyle wrappedPlain;
        final CellStyle number;
        final CellStyle decimal;

        Styles(XSSFWorkbook book) {
            plain = style(book, false, false, 12, null, false);
            bold = style(book, true, false, 12, null, false);
            boldCentre = style(book, true, false, 12, HorizontalAlignment.CENTER, false);
            italicCentre = style(book, false, true, 12, HorizontalAlignment.CENTER, false);
            centre = style(book, false, false, 12, HorizontalAlignment.CENTER, false);
            title = style(book, true, false, 14, HorizontalAlignment.CENTER, false);
            header = style(book, true, false, 11, HorizontalAlignment.CENTER, true);
            header.setWrapText(true);
            bordered = style(book, false, false, 11, null, true);
            wrapped = style(book, false, false, 11, null, true);
            wrapped.setWrapText(true);
            wrappedPlain = style(book, false, false, 12, null, false);
            wrappedPlain.setWrapText(true);
            number = style(book, false, false, 11, HorizontalAlignment.RIGHT, true);
            // Vietnamese separators (1.435 and 12,5): the formats carry the Vietnamese locale (42A).
            number.setDataFormat(book.createDataFormat().getFormat("[$-42A]#,##0"));
            decimal = style(book, false, false, 11, HorizontalAlignment.RIGHT, true);
            decimal.setDataFormat(book.createDataFormat().getFormat("[$-42A]#,##0.0"));
        }

        private static CellStyle style(XSSFWorkbook book, boolean bold, boolean italic, int size, HorizontalAlignment align,
                                       boolean border) {
            Font font = book.createFont();
            font.setFontName("Times New Roman");
            font.setFontHeightInPoints((short) size);
            font.setBold(bold);
            font.setItalic(italic);
            CellStyle style = book.createCellStyle();
            style.setFont(font);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            if (align != null) {
                style.setAlignment(align);
            }
            if (border) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            return style;
        }
    }
}
