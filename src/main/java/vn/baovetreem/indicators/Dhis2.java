package vn.baovetreem.indicators;

import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.codelists.CodeList;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.indicators.IndicatorCatalogue.Disaggregation;
import vn.baovetreem.indicators.IndicatorCatalogue.Indicator;
import vn.baovetreem.indicators.IndicatorService.Result;
import vn.baovetreem.indicators.IndicatorService.Value;
import vn.baovetreem.indicators.IndicatorService.Values;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    private static final String VIETNAMESE = "vi";
    private static final String UID_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String UID_CHARACTERS = UID_LETTERS + "0123456789";
    /** The data sets: the 6-month and the annual report. */
    private static final Map<String, String[]> DATA_SETS = Map.of(
            "SixMonthly", new String[]{"CP_CIRCULAR_13_SIX_MONTHLY", "Circular 13/2021 child statistics, 6-month",
                    "Chỉ tiêu thống kê trẻ em theo Thông tư 13/2021, 6 tháng"},
            "Yearly", new String[]{"CP_CIRCULAR_13_YEARLY", "Circular 13/2021 child statistics, annual",
                    "Chỉ tiêu thống kê trẻ em theo Thông tư 13/2021, năm"});

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
            throw ApiException.BadRequest.field(ProblemCode.PERIOD_NOT_IN_DHIS2, "period", "DHIS2 has no period type for " + values.period().label()
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

    /** A reference to another object of the payload, by its id (and code, for people reading the file). */
    record Ref(String id, String code) {

        static Ref to(String type, String code) {
            return new Ref(uid(type, code), code);
        }
    }

    /** A Vietnamese text of one property of an object ({@code NAME}, {@code SHORT_NAME}, {@code DESCRIPTION}). */
    record Translation(String property, String locale, String value) {

        static List<Translation> vi(String name, String description) {
            List<Translation> translations = new ArrayList<>();
            translations.add(new Translation("NAME", VIETNAMESE, name));
            if (description != null) {
                translations.add(new Translation("DESCRIPTION", VIETNAMESE, description));
            }
            return translations;
        }
    }

    record CategoryOption(String id, String code, String name, String shortName, List<Translation> translations) {
    }

    record Category(String id, String code, String name, String shortName, String dataDimensionType, List<Ref> categoryOptions,
                    List<Translation> translations) {
    }

    record CategoryCombo(String id, String code, String name, String dataDimensionType, List<Ref> categories,
                         List<Translation> translations) {
    }

    record CategoryOptionCombo(String id, String code, String name, Ref categoryCombo, List<Ref> categoryOptions) {
    }

    record DataElement(String id, String code, String name, String shortName, String description, String domainType,
                       String valueType, String aggregationType, Ref categoryCombo, List<Translation> translations) {
    }

    /** How a DHIS2 indicator scales its ratio: 100 for a percentage, 100,000 for a rate. */
    record IndicatorType(String id, String code, String name, int factor, boolean number, List<Translation> translations) {
    }

    /** A percentage or rate rebuilt in DHIS2 from the numerator and denominator data elements. */
    record Dhis2Indicator(String id, String code, String name, String shortName, String description, String numerator,
                          String numeratorDescription, String denominator, String denominatorDescription, Ref indicatorType,
                          boolean annualized, List<Translation> translations) {
    }

    record DataSetElement(Ref dataElement) {
    }

    /** The Circular 13 export as a DHIS2 data set, one per period type a commune reports for. */
    record DataSet(String id, String code, String name, String shortName, String periodType, List<DataSetElement> dataSetElements,
                   List<Translation> translations) {
    }

    /**
     * A metadata payload a DHIS2 administrator imports in one file ({@code /api/metadata}): every
     * object carries a stable id derived from its code ({@link #uid}), which DHIS2's indicator
     * expressions need, and its Vietnamese name as a translation.
     */
    record Metadata(String catalogueVersion, List<CategoryOption> categoryOptions, List<Category> categories,
                    List<CategoryCombo> categoryCombos, List<CategoryOptionCombo> categoryOptionCombos,
                    List<DataElement> dataElements, List<IndicatorType> indicatorTypes, List<Dhis2Indicator> indicators,
                    List<DataSet> dataSets) {
    }

    /**
     * A DHIS2 id (11 characters, a letter first) derived from the object's type and code, so that
     * every import of the metadata, by any version of this service, gives an object the same id.
     */
    static String uid(String type, String code) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest((type + ":" + code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder uid = new StringBuilder().append(UID_LETTERS.charAt(Byte.toUnsignedInt(hash[0]) % UID_LETTERS.length()));
        for (int i = 1; i < 11; i++) {
            uid.append(UID_CHARACTERS.charAt(Byte.toUnsignedInt(hash[i]) % UID_CHARACTERS.length()));
        }
        return uid.toString();
    }

    static Metadata metadata(IndicatorCatalogue catalogue, CodeListCatalog codes) {
        List<CategoryOption> options = new ArrayList<>();
        List<Category> categories = new ArrayList<>();
        List<CategoryCombo> combos = new ArrayList<>();
        List<CategoryOptionCombo> optionCombos = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        List<Indicator> computed = catalogue.all().stream()
                .filter(Indicator::computable).toList();
        computed.forEach(i -> used.addAll(i.disaggregations()));
        for (Disaggregation d : catalogue.disaggregations()) {
            if (!used.contains(d.code())) {
                continue;
            }
            List<Ref> refs = new ArrayList<>();
            for (String[] category : categories(d, catalogue, codes)) {
                String code = option(d.code(), category[0]);
                options.add(new CategoryOption(uid("categoryOption", code), code, d.nameEn() + ": " + category[1], code,
                        Translation.vi(d.nameVi() + ": " + category[2], null)));
                optionCombos.add(new CategoryOptionCombo(uid("categoryOptionCombo", code), code, d.nameEn() + ": " + category[1],
                        Ref.to("categoryCombo", d.code()), List.of(Ref.to("categoryOption", code))));
                refs.add(Ref.to("categoryOption", code));
            }
            categories.add(new Category(uid("category", d.code()), d.code(), d.nameEn(), d.code(), "DISAGGREGATION", refs,
                    Translation.vi(d.nameVi(), null)));
            combos.add(new CategoryCombo(uid("categoryCombo", d.code()), d.code(), d.nameEn(), "DISAGGREGATION",
                    List.of(Ref.to("category", d.code())), Translation.vi(d.nameVi(), null)));
        }
        List<DataElement> elements = new ArrayList<>();
        List<Dhis2Indicator> indicators = new ArrayList<>();
        for (Indicator i : computed) {
            boolean ratio = IndicatorDefinitions.of(i.key()).denominator() != null;
            List<String> dims = new ArrayList<>();
            dims.add(null);
            dims.addAll(i.disaggregations());
            for (String dim : dims) {
                elements.add(element(i, true, dim));
                if (ratio) {
                    elements.add(element(i, false, dim));
                }
            }
            if (ratio && i.kind() != IndicatorCatalogue.Kind.COUNT) {
                indicators.add(indicator(i));
            }
        }
        List<DataSetElement> members = elements.stream().map(e -> new DataSetElement(Ref.to("dataElement", e.code()))).toList();
        List<DataSet> dataSets = DATA_SETS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new DataSet(uid("dataSet", e.getValue()[0]), e.getValue()[0], e.getValue()[1], e.getValue()[0], e.getKey(),
                        members, Translation.vi(e.getValue()[2], null)))
                .toList();
        return new Metadata(catalogue.version(), options, categories, combos, optionCombos, elements, indicatorTypes(), indicators,
                dataSets);
    }

    private static DataElement element(Indicator i, boolean numerator, String dim) {
        String code = dataElement(i.key(), numerator, dim);
        String name = i.nameEn() + (numerator ? " (numerator)" : " (denominator)") + (dim == null ? "" : " by " + dim);
        String nameVi = i.nameVi() + (numerator ? " (tử số)" : " (mẫu số)") + (dim == null ? "" : " theo " + dim);
        String description = (numerator ? i.numerator() : i.denominator())
                + (i.provisional() ? ". Provisional: no confirmed Circular 13/2021 code." : ". Circular 13/2021 code " + i.officialCode() + ".");
        return new DataElement(uid("dataElement", code), code, name, code, description, "AGGREGATE", "INTEGER_ZERO_OR_POSITIVE",
                "SUM", dim == null ? null : Ref.to("categoryCombo", dim), Translation.vi(nameVi, null));
    }

    private static List<IndicatorType> indicatorTypes() {
        return List.of(
                new IndicatorType(uid("indicatorType", "CP_PERCENT"), "CP_PERCENT", "Percent", 100, false,
                        Translation.vi("Phần trăm", null)),
                new IndicatorType(uid("indicatorType", "CP_PER_100000"), "CP_PER_100000", "Per 100,000", 100_000, false,
                        Translation.vi("Trên 100.000", null)));
    }

    /** A percentage or rate: numerator over denominator, both in total (DHIS2 disaggregates them by their category combos). */
    private static Dhis2Indicator indicator(Indicator i) {
        String code = PREFIX + i.key().toUpperCase(Locale.ROOT).replace('-', '_');
        String type = i.kind() == IndicatorCatalogue.Kind.PERCENT ? "CP_PERCENT" : "CP_PER_100000";
        return new Dhis2Indicator(uid("indicator", code), code, i.nameEn(), code,
                i.provisional() ? "Provisional: no confirmed Circular 13/2021 code." : "Circular 13/2021 code " + i.officialCode() + ".",
                "#{" + uid("dataElement", dataElement(i.key(), true, null)) + "}", i.numerator(),
                "#{" + uid("dataElement", dataElement(i.key(), false, null)) + "}", i.denominator(),
                Ref.to("indicatorType", type), false, Translation.vi(i.nameVi(), null));
    }

    /** The categories of a disaggregation as (code, English label, Vietnamese label): its own list, its code list, or the age bands. */
    private static List<String[]> categories(Disaggregation d, IndicatorCatalogue catalogue, CodeListCatalog codes) {
        List<String[]> categories = new ArrayList<>();
        if (d.categories() != null) {
            d.categories().forEach(c -> categories.add(new String[]{c, c, c}));
        } else if (d.codeList() != null) {
            CodeList list = codes.find(d.codeList()).orElseThrow();
            list.entries().forEach(e -> categories.add(new String[]{e.code(), e.labelEn(), e.labelVi()}));
        } else if (d.code().equals("AGE_BAND")) {
            Set<String> seen = new LinkedHashSet<>();
            catalogue.all().forEach(i -> i.ageBands().forEach(b -> {
                if (seen.add(b.code())) {
                    categories.add(new String[]{b.code(), b.from() + " to under " + b.to(), "Từ " + b.from() + " đến dưới " + b.to() + " tuổi"});
                }
            }));
        }
        return categories;
    }
}
