package vn.baovetreem.imports;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.SAXException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The first sheet of a workbook, read as a stream of XML (the sheet is never built in memory).
 * Text cells come through the shared strings; a number in a date column is an Excel date and is
 * read as {@code yyyy-MM-dd}; other numbers lose a trailing {@code .0}. The first row with a
 * value is the header.
 */
final class XlsxRows extends RowReader {

    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final XMLStreamReader xml;
    private final Columns columns;
    private List<String> headers;
    private Map<Integer, Boolean> dateColumn;

    XlsxRows(InputStream in, Columns columns) throws IOException {
        this.columns = columns;
        try {
            this.pkg = OPCPackage.open(in);
            XSSFReader workbook = new XSSFReader(pkg);
            this.strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) workbook.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Malformed("The workbook has no sheet.");
            }
            XMLInputFactory factory = XMLInputFactory.newFactory();
            // A sheet needs no DTD and no external entity; refusing them closes the XML attacks.
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            this.xml = factory.createXMLStreamReader(sheets.next());
        } catch (InvalidFormatException | NotOfficeXmlFileException e) {
            throw new Malformed("The file is not an Excel workbook (.xlsx).");
        } catch (OpenXML4JException | SAXException | XMLStreamException e) {
            throw new Malformed("The workbook cannot be read: " + e.getMessage());
        }
    }

    @Override
    List<String> headers() throws IOException {
        if (headers == null) {
            Cells first;
            do {
                first = cells();
            } while (first != null && first.values().values().stream().allMatch(v -> v == null));
            headers = new ArrayList<>();
            dateColumn = new LinkedHashMap<>();
            if (first != null) {
                int last = first.values().isEmpty() ? -1 : ((TreeMap<Integer, String>) first.values()).lastKey();
                for (int i = 0; i <= last; i++) {
                    String header = blankToNull(first.values().get(i));
                    headers.add(header);
                    dateColumn.put(i, columns.of(header).map(c -> c.type() == Columns.Type.DATE).orElse(false));
                }
            }
        }
        return headers;
    }

    @Override
    Row next() throws IOException {
        headers();
        Cells row;
        while ((row = cells()) != null) {
            if (row.values().values().stream().allMatch(v -> blankToNull(v) == null)) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                values.put(headers.get(i), value(row, i));
            }
            if (((TreeMap<Integer, String>) row.values()).lastKey() >= headers.size()) {
                values.put(null, "");
            }
            return new Row(row.number(), values);
        }
        return null;
    }

    private String value(Cells row, int column) {
        String raw = blankToNull(row.values().get(column));
        if (raw == null || !row.numeric().contains(column)) {
            return raw;
        }
        try {
            double number = Double.parseDouble(raw);
            if (Boolean.TRUE.equals(dateColumn.get(column))) {
                return DateUtil.getLocalDateTime(number).toLocalDate().toString();
            }
            return new BigDecimal(raw).stripTrailingZeros().toPlainString();
        } catch (RuntimeException e) {
            // Not a number, or a number that is no day Excel knows (1e308, -5): the cell as written,
            // which the column's check then reports.
            return raw;
        }
    }

    /** A row's cells by column index, with the columns that hold numbers. */
    private record Cells(int number, Map<Integer, String> values, Set<Integer> numeric) {
    }

    /** The next {@code <row>} of the sheet, or null at its end. */
    private Cells cells() throws IOException {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("row")) {
                    return row(Integer.parseInt(xml.getAttributeValue(null, "r")));
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            // A broken cell (a shared string that does not exist, a reference that is no cell) is the file's fault.
            throw new Malformed("The workbook's sheet cannot be read: " + e.getMessage());
        }
    }

    private Cells row(int number) throws XMLStreamException {
        Map<Integer, String> values = new TreeMap<>();
        Set<Integer> numeric = new HashSet<>();
        int next = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamReader.END_ELEMENT && xml.getLocalName().equals("row")) {
                return new Cells(number, values, numeric);
            }
            if (event == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? next : column(ref);
                String type = xml.getAttributeValue(null, "t");
                String text = cell();
                if ("s".equals(type) && text != null) {
                    text = strings.getItemAt(Integer.parseInt(text)).getString();
                } else if (type == null || "n".equals(type)) {
                    numeric.add(column);
                }
                values.put(column, text);
                next = column + 1;
            }
        }
        return new Cells(number, values, numeric);
    }

    /** The text of a cell: its {@code <v>} or its inline string, up to {@code </c>}. */
    private String cell() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean any = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamReader.END_ELEMENT && xml.getLocalName().equals("c")) {
                return any ? text.toString() : null;
            }
            if (event == XMLStreamReader.START_ELEMENT && (xml.getLocalName().equals("v") || xml.getLocalName().equals("t"))) {
                text.append(xml.getElementText());
                any = true;
            }
        }
        return any ? text.toString() : null;
    }

    /** The zero-based column of a cell reference such as {@code AB12}. */
    private static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            pkg.revert();
        }
    }
}
