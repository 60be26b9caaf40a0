package vn.baovetreem.imports;

import vn.baovetreem.indicators.Xlsx;

import java.util.Locale;
import java.util.Optional;

/** The file formats an import reads, known by the media type a file is uploaded with. */
public enum ImportFormat {
    CSV,
    JSONL,
    XLSX;

    /** {@code text/csv}; {@code application/jsonl} (or x-ndjson, x-jsonlines); the XLSX media type. */
    static Optional<ImportFormat> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/csv" -> Optional.of(CSV);
            case "application/jsonl", "application/x-ndjson", "application/x-jsonlines" -> Optional.of(JSONL);
            case Xlsx.MEDIA_TYPE -> Optional.of(XLSX);
            default -> Optional.empty();
        };
    }
}
