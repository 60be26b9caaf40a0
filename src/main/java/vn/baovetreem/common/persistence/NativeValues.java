package vn.baovetreem.common.persistence;

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
}
