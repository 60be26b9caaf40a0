package vn.baovetreem.common.text;

import java.util.List;

/** CSV as Excel opens it: comma-separated lines ending in CRLF, cells quoted when needed and neutralised against formulas. */
public final class CsvLines {

    /** The byte-order mark that makes Excel read the file as UTF-8. */
    public static final String BOM = "\uFEFF";

    private CsvLines() {
    }

    public static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** A cell neutralised against formula injection and quoted when it needs to be. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
