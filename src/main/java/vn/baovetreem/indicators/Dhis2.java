package vn.baovetreem.indicators;

import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.codelists.CodeList;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.indicators.IndicatorCatalogue.Disaggregation;
import vn.baovetreem.indicators.IndicatorCatalogue.Indicator;
import vn.baovetreem.indicators.IndicatorService.Result;
import vn.baovetreem.indicators.IndicatorService.Value;
import vn.baovetreem.indicators.IndicatorService.Values;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The DHIS2 forms of the indicators. Each computable indicator gives one data element for its
 * numerator ({@code CP_<KEY>_N}) and, with a denominator, one for it ({@code CP_<KEY>_D}), in total
 * (default category combo) and once per disaggregation ({@code CP_<KEY>_N_SEX}, with the category
 * combo {@code SEX} whose options are {@code SEX_MALE}, {@code SEX_FEMALE}). Organisation units are
 * referred to by their official statistical code, so only provinces, districts and communes are
 * exported; villages have no official code. Import with {@code idScheme=CODE}.
 */
final class Dhis2 {

    private static final String PREFIX = "CP_";

    private Dhis2() {
    }

    /** One data value. */
    record DataValue(String dataElement, String period, String orgUnit, String categoryOptionCombo, String value, String comment) {
    }

    /** A {@code dataValueSets} payload. */
    record DataValueSet(String idScheme, String dataElementIdScheme, String orgUnitIdScheme, String period, String completeDate,
                        List<DataValue> dataValues) {
    }

    static String dataElement(String key, boolean numerator, String dimension) {
        return PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_') + (numerator ? "_N" : "_D")
                + (dimension == null ? "" : "_" + dimension);
    }

    static String option(String dimension, String category) {
        return dimension + "_" + category;
    }

    static DataValueSet dataValueSet(Values values, Map<String, UnitLevel> levels) {
        String period = values.period().dhis2();
        if (period == null) {
            throw ApiException.BadRequest.field("PERIOD_NOT_IN_DHIS2", "period", "DHIS2 has no period type for " + values.period().label()
                    + "; ask for a year (2024 → 2024), a half (2024-H1 → 2024S1), a quarter (2024-Q3 → 2024Q3) or a month (2024-07 → 202407).");
        }
        List<DataValue> dataValues = new ArrayList<>();
        for (Result result : values.indicators()) {
            if (result.values() == null) {
                continue;
            }
            for (Value v : result.values()) {
                UnitLevel level = levels.get(v.unitCode());
                if (level == null || level == UnitLevel.VILLAGE || Boolean.TRUE.equals(v.suppressed())) {
                    continue;
                }
                String combo = v.disaggregation() == null ? null : option(v.disaggregation(), v.category());
                dataValues.add(new DataValue(dataElement(result.key(), true, v.disaggregation()), period, v.unitCode(), combo,
                        String.valueOf(v.numerator()), result.provisional() ? "provisional indicator" : null));
                if (v.denominator() != null) {
                    dataValues.add(new DataValue(dataElement(result.key(), false, v.disaggregation()), period, v.unitCode(), combo,
                            String.valueOf(v.denominator()), null));
                }
            }
        }
        return new DataValueSet("CODE", "CODE", "CODE", period, values.cutOff().toString(), dataValues);
    }

    record Ref(String code) {
    }

    record CategoryOption(String code, String name, String shortName) {
    }

    record Category(String code, String name, String shortName, String dataDimensionType, List<Ref> categoryOptions) {
    }

    record CategoryCombo(String code, String name, String dataDimensionType, List<Ref> categories) {
    }

    record CategoryOptionCombo(String code, String name, Ref categoryCombo, List<Ref> categoryOptions) {
    }

    record DataElement(String code, String name, String shortName, String description, String domainType, String valueType,
                       String aggregationType, Ref categoryCombo) {
    }

    /** A metadata payload (import with {@code identifier=CODE}). */
    record Metadata(String catalogueVersion, List<CategoryOption> categoryOptions, List<Category> categories,
                    List<CategoryCombo> categoryCombos, List<CategoryOptionCombo> categoryOptionCombos,
                    List<DataElement> dataElements) {
    }

    static Metadata metadata(IndicatorCatalogue catalogue, CodeListCatalog codes) {
        List<CategoryOption> options = new ArrayList<>();
        List<Category> categories = new ArrayList<>();
        List<CategoryCombo> combos = new ArrayList<>();
        List<CategoryOptionCombo> optionCombos = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        catalogue.all().stream().filter(i -> IndicatorDefinitions.of(i.key()).isPresent()).forEach(i -> used.addAll(i.disaggregations()));
        for (Disaggregation d : catalogue.disaggregations()) {
            if (!used.contains(d.code())) {
                continue;
            }
            List<Ref> refs = new ArrayList<>();
            for (String[] category : categories(d, catalogue, codes)) {
                String code = option(d.code(), category[0]);
                options.add(new CategoryOption(code, d.nameEn() + ": " + category[1], code));
                optionCombos.add(new CategoryOptionCombo(code, d.nameEn() + ": " + category[1], new Ref(d.code()), List.of(new Ref(code))));
                refs.add(new Ref(code));
            }
            categories.add(new Category(d.code(), d.nameEn(), d.code(), "DISAGGREGATION", refs));
            combos.add(new CategoryCombo(d.code(), d.nameEn(), "DISAGGREGATION", List.of(new Ref(d.code()))));
        }
        List<DataElement> elements = new ArrayList<>();
        for (Indicator i : catalogue.all()) {
            IndicatorDefinitions.of(i.key()).filter(x -> i.computable()).ifPresent(definition -> {
                List<String> dims = new ArrayList<>();
                dims.add(null);
                dims.addAll(i.disaggregations());
                for (String dim : dims) {
                    elements.add(element(i, true, dim));
                    if (definition.denominator() != null) {
                        elements.add(element(i, false, dim));
                    }
                }
            });
        }
        return new Metadata(catalogue.version(), options, categories, combos, optionCombos, elements);
    }

    private static DataElement element(Indicator i, boolean numerator, String dim) {
        String code = dataElement(i.key(), numerator, dim);
        String name = i.nameEn() + (numerator ? " (numerator)" : " (denominator)") + (dim == null ? "" : " by " + dim);
        String description = (numerator ? i.numerator() : i.denominator())
                + (i.provisional() ? ". Provisional: no confirmed Circular 13/2021 code." : ". Circular 13/2021 code " + i.officialCode() + ".");
        return new DataElement(code, name, code, description, "AGGREGATE", "INTEGER_ZERO_OR_POSITIVE", "SUM",
                dim == null ? null : new Ref(dim));
    }

    /** The categories of a disaggregation: its code list (with UNKNOWN/NONE where records may lack it), its own list, or the age bands. */
    private static List<String[]> categories(Disaggregation d, IndicatorCatalogue catalogue, CodeListCatalog codes) {
        List<String[]> categories = new ArrayList<>();
        if (d.categories() != null) {
            d.categories().forEach(c -> categories.add(new String[]{c, c}));
        } else if (d.codeList() != null) {
            CodeList list = codes.find(d.codeList()).orElseThrow();
            list.entries().forEach(e -> categories.add(new String[]{e.code(), e.labelEn()}));
            if (Set.of("ETHNICITY", "SETTING").contains(d.code()) && categories.stream().noneMatch(c -> c[0].equals("UNKNOWN"))) {
                categories.add(new String[]{"UNKNOWN", "Unknown"});
            }
        } else if (d.code().equals("AGE_BAND")) {
            Set<String> seen = new LinkedHashSet<>();
            catalogue.all().forEach(i -> i.ageBands().forEach(b -> {
                if (seen.add(b.code())) {
                    categories.add(new String[]{b.code(), b.from() + " to under " + b.to()});
                }
            }));
        }
        return categories;
    }
}
