package vn.baovetreem.indicators;

import vn.baovetreem.common.text.CsvLines;
import vn.baovetreem.indicators.IndicatorService.Result;
import vn.baovetreem.indicators.IndicatorService.Value;
import vn.baovetreem.indicators.IndicatorService.Values;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV export: UTF-8 with a byte-order mark (Excel then reads Vietnamese correctly), one row per
 * indicator × unit × disaggregation category. A cell that begins with {@code =}, {@code +},
 * {@code -} or {@code @} is prefixed with an apostrophe so a spreadsheet never runs it as a formula.
 */
final class Csv {

    static final List<String> HEADER = List.of("catalogue_version", "period", "period_from", "period_to", "indicator_key",
            "official_code", "provisional", "indicator_name_vi", "indicator_name_en", "kind", "computable", "held_by", "unit_code",
            "unit_name", "disaggregation", "category", "numerator", "denominator", "value", "suppressed");

    private Csv() {
    }

    static byte[] write(Values values) {
        StringBuilder out = new StringBuilder(CsvLines.BOM);
        CsvLines.line(out, HEADER);
        for (Result r : values.indicators()) {
            if (r.values() == null) {
                CsvLines.line(out, row(values, r, null));
                continue;
            }
            for (Value v : r.values()) {
                CsvLines.line(out, row(values, r, v));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> row(Values values, Result r, Value v) {
        return List.of(values.catalogueVersion(), values.period().label(), values.period().from().toString(),
                values.period().to().toString(), r.key(), text(r.officialCode()), String.valueOf(r.provisional()), r.nameVi(),
                r.nameEn(), r.kind().name(), String.valueOf(r.computable()), text(r.heldBy()),
                v == null ? "" : v.unitCode(), v == null ? "" : text(v.unitName()), v == null ? "" : text(v.disaggregation()),
                v == null ? "" : text(v.category()), v == null ? "" : text(v.numerator()), v == null ? "" : text(v.denominator()),
                v == null ? "" : v.value() == null ? "" : v.value().toPlainString(),
                v == null ? "" : String.valueOf(Boolean.TRUE.equals(v.suppressed())));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
