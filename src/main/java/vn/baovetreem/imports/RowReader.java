package vn.baovetreem.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a file one row at a time, so memory does not grow with the rows: CSV (RFC 4180, comma or
 * semicolon, a UTF-8 byte-order mark allowed, lines starting with {@code #} skipped), JSON Lines
 * (one object per line) or the first sheet of a workbook. Bytes that are not UTF-8 stop the
 * reading of text with {@link NotUtf8}.
 */
abstract class RowReader implements AutoCloseable {

    /**
     * A row: its number in the file (the header is row 1 of a CSV file) and its values by header,
     * or why it could not be read (a line of a JSON Lines file that is not an object).
     */
    record Row(int number, Map<String, String> values, String unreadable) {
        Row(int number, Map<String, String> values) {
            this(number, values, null);
        }
    }

    /** The file is not UTF-8 text. */
    static final class NotUtf8 extends IOException {
        NotUtf8(Throwable cause) {
            super("The file is not UTF-8 text", cause);
        }
    }

    /** The file is not what its format says (a JSON line that is not an object, say). */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    final BufferedReader reader;

    /** For readers that do not read text. */
    RowReader() {
        this.reader = null;
    }

    RowReader(InputStream in) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
    }

    /** The headers, in file order (for JSON Lines, the keys of the first object). */
    abstract List<String> headers() throws IOException;

    /** The next row, or null at the end. */
    abstract Row next() throws IOException;

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }

    /** A reader of {@code format}; a workbook's columns tell which of its numbers are dates. */
    static RowReader of(ImportFormat format, InputStream in, Columns columns, ObjectMapper mapper) throws IOException {
        return switch (format) {
            case CSV -> new Csv(in);
            case JSONL -> new JsonLines(in, mapper);
            case XLSX -> new XlsxRows(in, columns);
        };
    }

    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** RFC 4180 with the separator taken from the header line (comma, or semicolon as Excel writes in some locales). */
    static final class Csv extends RowReader {
        /**
         * The longest cell kept, longer than any column accepts (so a longer cell is still
         * reported as too long): the rest of it is read and dropped, so a quote never closed in a
         * file of 50 MB does not hold the file in memory.
         */
        static final int MAX_CELL = 65_536;
        static final String UNCLOSED_QUOTE = "A quote opened in this row is never closed, so the rest of the file was read into one of its"
                + " cells; close the quote and send the file again.";

        /**
         * The characters read and not yet taken: {@link BufferedReader#read()} takes a lock for each
         * character, which was about 8% of an import's check pass.
         */
        private final char[] buffer = new char[8192];
        private int position;
        private int length;
        private List<String> headers;
        private char separator = ',';
        private int line;
        private boolean first = true;
        /** The last record read ended inside a quoted cell: at the end of the file. */
        private boolean unclosed;

        Csv(InputStream in) {
            super(in);
        }

        @Override
        List<String> headers() throws IOException {
            if (headers == null) {
                List<String> fields = record();
                headers = fields == null ? List.of() : fields.stream().map(RowReader::blankToNull).toList();
            }
            return headers;
        }

        @Override
        Row next() throws IOException {
            headers();
            while (true) {
                int number = line + 1;
                List<String> fields = record();
                if (fields == null) {
                    return null;
                }
                if (unclosed) {
                    return new Row(number, Map.of(), UNCLOSED_QUOTE);
                }
                if (fields.size() == 1 && blankToNull(fields.getFirst()) == null) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    values.put(headers.get(i), i < fields.size() ? blankToNull(fields.get(i)) : null);
                }
                if (fields.size() > headers.size()) {
                    values.put(null, String.join(String.valueOf(separator), fields.subList(headers.size(), fields.size())));
                }
                return new Row(number, values);
            }
        }

        /** One record, or null at the end; comment lines are skipped; {@code line} counts the lines read. */
        private List<String> record() throws IOException {
            while (true) {
                int c = read();
                if (first) {
                    first = false;
                    if (c == '\uFEFF') {
                        c = read();
                    }
                }
                if (c == -1) {
                    return null;
                }
                if (c == '#') {
                    line++;
                    skipLine();
                    continue;
                }
                return fields(c);
            }
        }

        /** The next character, or -1 at the end. */
        private int read() throws IOException {
            if (position == length) {
                try {
                    length = Math.max(reader.read(buffer), 0);
                } catch (CharacterCodingException e) {
                    throw new NotUtf8(e);
                }
                position = 0;
                if (length == 0) {
                    return -1;
                }
            }
            return buffer[position++];
        }

        private void skipLine() throws IOException {
            int c;
            while ((c = read()) != -1 && c != '\n') {
                // the rest of a comment
            }
        }

        private List<String> fields(int c) throws IOException {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean headerLine = headers == null;
            line++;
            while (true) {
                if (c == -1) {
                    unclosed = quoted;
                    fields.add(field.toString());
                    return fields;
                }
                if (quoted) {
                    if (c == '"') {
                        int next = read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = next;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        keep(field, c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (headerLine && fields.isEmpty() && c == ';' && field.indexOf(",") < 0) {
                    separator = ';';
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    fields.add(trimCr(field));
                    return fields;
                } else {
                    keep(field, c);
                }
                c = read();
            }
        }

        private static void keep(StringBuilder field, int c) {
            if (field.length() < MAX_CELL) {
                field.append((char) c);
            }
        }

        private static String trimCr(StringBuilder field) {
            int end = field.length();
            return end > 0 && field.charAt(end - 1) == '\r' ? field.substring(0, end - 1) : field.toString();
        }
    }

    /** One JSON object per line; blank lines are skipped; values are read as text. */
    static final class JsonLines extends RowReader {
        private final ObjectMapper mapper;
        private List<String> headers;
        private Row pending;
        private int line;

        JsonLines(InputStream in, ObjectMapper mapper) {
            super(in);
            this.mapper = mapper;
        }

        @Override
        List<String> headers() throws IOException {
            if (headers == null) {
                pending = read(true);
                headers = pending == null ? List.of() : List.copyOf(pending.values().keySet());
            }
            return headers;
        }

        @Override
        Row next() throws IOException {
            headers();
            if (pending != null) {
                Row row = pending;
                pending = null;
                return row;
            }
            return read(false);
        }

        private String line() throws IOException {
            try {
                return reader.readLine();
            } catch (CharacterCodingException e) {
                throw new NotUtf8(e);
            }
        }

        private Row read(boolean first) throws IOException {
            String text;
            while ((text = line()) != null) {
                line++;
                if (first && line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(text);
                } catch (IOException e) {
                    node = null;
                }
                if (node == null || !node.isObject()) {
                    if (first) {
                        throw new Malformed("Line " + line + " is not a JSON object.");
                    }
                    return new Row(line, Map.of(), "is not a JSON object");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    values.put(e.getKey(), e.getValue().isNull() ? null : blankToNull(e.getValue().isTextual()
                            ? e.getValue().textValue() : e.getValue().toString()));
                }
                return new Row(line, values);
            }
            return null;
        }
    }
}
