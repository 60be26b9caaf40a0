package vn.baovetreem.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.areas.UnitLevel;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import vn.baovetreem.indicators.IndicatorService.Value;
import vn.baovetreem.indicators.IndicatorService.Values;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.Operation;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Circular 13/2021 export in its four formats. Every format is made from the same values; the
 * ETag is a digest of the format and of the values without their generation time, so an unchanged
 * export is recognised with {@code If-None-Match}.
 */
@ApplicationScoped
public class Exports {

    public enum Format {
        JSON("application/json", "json"),
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX(Xlsx.MEDIA_TYPE, "xlsx"),
        DHIS2("application/json", "dhis2.json");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /** Files kept rendered. */
    private static final int RENDERED = 8;

    /**
     * How the values' generation time begins in their JSON. Its first occurrence is the values' own
     * field: no object before it has one, and JSON escapes the quotes of a string that holds this text.
     */
    private static final byte[] GENERATED_AT = "\"generatedAt\":\"".getBytes(StandardCharsets.US_ASCII);
    /** {@link java.time.Instant#EPOCH} as the JSON of the values writes it. */
    private static final byte[] EPOCH = "1970-01-01T00:00:00Z".getBytes(StandardCharsets.US_ASCII);

    /** A produced export: its bytes, media type, file name and content ETag. */
    public record Export(byte[] body, String mediaType, String fileName, String etag) {
    }

    private final IndicatorService indicators;
    private final IndicatorCatalogue catalogue;
    private final CodeListCatalog codes;
    private final UnitDirectory units;
    private final AccessPolicy access;
    private final ObjectMapper mapper;
    /** The files last rendered, by ETag: a workbook of a province takes a second to write. */
    private final Recent<String, byte[]> rendered = new Recent<>(RENDERED);

    Exports(IndicatorService indicators, IndicatorCatalogue catalogue, CodeListCatalog codes, UnitDirectory units,
            AccessPolicy access, ObjectMapper mapper) {
        this.indicators = indicators;
        this.catalogue = catalogue;
        this.codes = codes;
        this.units = units;
        this.access = access;
        this.mapper = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** The export of every indicator for a unit and period, broken down by the units below it and every disaggregation. */
    public Export circular13(String unitCode, Period period, Format format, Integer suppressBelow) {
        List<String> by = catalogue.disaggregations().stream().map(IndicatorCatalogue.Disaggregation::code).toList();
        Values values = indicators.export(new IndicatorService.Query(unitCode, period, List.of(), by, suppressBelow));
        // The JSON of the values is the ETag's input and, in that format, the body (a commune's 330 KB): written once.
        byte[] json = json(values);
        String etag = etag(format, json);
        String fileName = "circular-13_" + values.unit().code() + "_" + values.period().label().replace('/', '_') + "." + format.extension;
        byte[] body = switch (format) {
            case JSON -> json; // carries its generation time: never kept
            case CSV -> rendered(etag, () -> Csv.write(values));
            case XLSX -> rendered(etag, () -> Xlsx.write(values, catalogue, this::categoryLabel, committee(values), null, null));
            case DHIS2 -> rendered(etag, () -> json(Dhis2.dataValueSet(values, levels(values))));
        };
        return new Export(body, format.mediaType, fileName, etag);
    }

    /**
     * A workbook to print and sign: the cover {@code cover} writes (a report's text) on columns of
     * {@code coverWidths} characters, then the sheets of {@code values}.
     */
    public byte[] workbook(Values values, int[] coverWidths, Consumer<Xlsx.Page> cover) {
        return Xlsx.write(values, catalogue, this::categoryLabel, committee(values), coverWidths, cover);
    }

    /** The unit of the values with its kind, as its People's Committee is named: "Xã Yên Phúc", "Tỉnh Lạng Sơn". */
    private String committee(Values values) {
        return units.find(values.unit().code()).map(u -> u.kind() + " " + u.name()).orElse(values.unit().name());
    }

    /** What a DHIS2 administrator needs to set the data set up. */
    public Dhis2.Metadata dhis2Metadata() {
        access.check(Operation.EXPORT_INDICATORS);
        return Dhis2.metadata(catalogue, codes);
    }

    private Map<String, UnitLevel> levels(Values values) {
        Map<String, UnitLevel> levels = new HashMap<>();
        List<String> codesInExport = values.indicators().stream().filter(r -> r.values() != null).flatMap(r -> r.values().stream())
                .map(Value::unitCode).distinct().toList();
        units.findAll(codesInExport).forEach((code, unit) -> levels.put(code, unit.level()));
        return levels;
    }

    /**
     * A digest of the format and of {@code json}, the values' JSON, with their {@code generatedAt}
     * read as the epoch: the digest of the same values generated at another time, and the ETag that
     * builds which wrote the JSON twice gave.
     */
    static String etag(Format format, byte[] json) {
        int start = indexOf(json, GENERATED_AT);
        if (start < 0) {
            throw new IllegalStateException("The values' JSON has no generatedAt");
        }
        start += GENERATED_AT.length;
        int end = start;
        while (json[end] != '"') {
            end++;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(format.name().getBytes(StandardCharsets.UTF_8));
            digest.update(json, 0, start);
            digest.update(EPOCH);
            digest.update(json, end, json.length - end);
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The file kept for {@code etag}, written by {@code write} if none is: the same ETag is the same file. */
    private byte[] rendered(String etag, Supplier<byte[]> write) {
        byte[] body = rendered.get(etag);
        if (body == null) {
            body = write.get();
            rendered.put(etag, body);
        }
        return body;
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Format format(String name) {
        if (name == null) {
            return Format.JSON;
        }
        return switch (name) {
            case "json" -> Format.JSON;
            case "csv" -> Format.CSV;
            case "xlsx" -> Format.XLSX;
            case "dhis2" -> Format.DHIS2;
            default -> throw ApiException.BadRequest.field(ProblemCode.INVALID_PARAMETER, "format", "format must be json, csv, xlsx or dhis2.");
        };
    }

    /** The Vietnamese label of a category of a disaggregation (such as CHANNEL, SCHOOL_SESSION), for workbooks. */
    public String categoryLabel(String dimension, String category) {
        if (category == null) {
            return "";
        }
        if (category.equals("UNKNOWN")) {
            return "Chưa rõ";
        }
        return switch (dimension) {
            case "FATALITY" -> category.equals("FATAL") ? "Tử vong" : "Không tử vong";
            case "AGE_BAND" -> catalogue.all().stream().flatMap(i -> i.ageBands().stream()).filter(b -> b.code().equals(category))
                    .findFirst().map(b -> b.from() + " – dưới " + b.to() + " tuổi").orElse(category);
            default -> catalogue.disaggregations().stream().filter(d -> d.code().equals(dimension) && d.codeList() != null).findFirst()
                    .map(d -> codes.labelVi(d.codeList(), category)).orElse(category);
        };
    }
}
