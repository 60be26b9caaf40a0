package vn.baovetreem.common.persistence;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A row of a native query read by column name, not by position: for a query made with
 * {@code em.createNativeQuery(sql, Tuple.class)}, {@code select id, attempts …} is read as
 * {@code row.uuid("id")}, {@code row.integer("attempts")}, so a column added to the select moves
 * nothing. A computed column needs its alias ({@code cast(unit_path as text) as unit_path}).
 */
public record Row(Tuple tuple) {

    /** The rows of {@code query}, which must have been made with {@code Tuple.class}. */
    @SuppressWarnings("unchecked")
    public static List<Row> all(Query query) {
        return ((List<Tuple>) query.getResultList()).stream().map(Row::new).toList();
    }

    public String text(String column) {
        return (String) tuple.get(column);
    }

    public UUID uuid(String column) {
        return (UUID) tuple.get(column);
    }

    public int integer(String column) {
        return ((Number) tuple.get(column)).intValue();
    }

    /** A whole-number column that may be null. */
    public Integer maybeInteger(String column) {
        Object value = tuple.get(column);
        return value == null ? null : ((Number) value).intValue();
    }

    /** A {@code bigint} (or any whole number) column. */
    public long bigint(String column) {
        return ((Number) tuple.get(column)).longValue();
    }

    /** A {@code boolean} column that may be null. */
    public Boolean maybeBool(String column) {
        return (Boolean) tuple.get(column);
    }

    /** A {@code numeric} column, or null. */
    public BigDecimal decimal(String column) {
        return (BigDecimal) tuple.get(column);
    }

    public boolean bool(String column) {
        return (Boolean) tuple.get(column);
    }

    /** A {@code timestamptz} column, or null. */
    public Instant instant(String column) {
        Object value = tuple.get(column);
        return value == null ? null : NativeValues.timestamp(value).toInstant();
    }

    /** A {@code timestamptz} column in UTC, or null. */
    public OffsetDateTime timestamp(String column) {
        Object value = tuple.get(column);
        return value == null ? null : NativeValues.timestamp(value);
    }

    /** A {@code date} column, or null. */
    public LocalDate date(String column) {
        Object value = tuple.get(column);
        return value == null ? null : NativeValues.date(value);
    }

    /** A text column holding an enum constant's name, or null. */
    public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        String value = text(column);
        return value == null ? null : Enum.valueOf(type, value);
    }
}
