package vn.baovetreem.common.persistence;

import java.util.Collection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Column values of native queries, whose Java types depend on the driver and Hibernate version. */
public final class NativeValues {

    private NativeValues() {
    }

    /** A {@code date} column. */
    public static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    /** A {@code timestamptz} column, in UTC. */
    public static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    /**
     * A PostgreSQL array literal of {@code items}, each quoted, for a parameter cast to
     * {@code text[]}, {@code ltree[]} and the like: whatever an item holds (a comma, a brace, a
     * quote) stays inside that item.
     */
    public static String array(Collection<String> items) {
        StringBuilder literal = new StringBuilder("{");
        for (String item : items) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(item.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
