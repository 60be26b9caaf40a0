package vn.baovetreem.common.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Statements run with JDBC, in the transaction of {@code em} (if it has one): for the look-ups of
 * an import's batches, the counts of the indicators and the small reads every request of a child
 * or a case makes, where Hibernate's handling of a native query
 * (resolving its columns from the result set on each call, then naming each value or building
 * each entity) cost more than the statement. What is read here is not managed by Hibernate and
 * is never flushed; nor does a statement flush the session first, as a Hibernate query would, so
 * it reads what is flushed.
 */
public final class JdbcRows {

    /** A row's value, read from the result set at that row. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** An array parameter: the SQL type of its elements ({@code text}, {@code uuid}) and its values. */
    public record ArrayParameter(String type, Collection<?> values) {
    }

    /**
     * A condition that {@code column} is one of {@code values} (of SQL type {@code type}), for
     * statements that are often given one value: {@code column = ?} then, {@code column = any(?)}
     * for several. On a large table PostgreSQL plans a statement whose parameter is an array
     * afresh at every execution (its generic plan, costed for an array of unknown length, never
     * looks as cheap as the plan for one element): a case's child and deadlines, read at every
     * change of a case, took six times as long to plan as to read (docs/performance.md).
     */
    public record AnyOf(String column, String type, Collection<?> values) {
        public String condition() {
            return values.size() == 1 ? column + " = ?" : column + " = any(?)";
        }

        public Object parameter() {
            return values.size() == 1 ? values.iterator().next() : new ArrayParameter(type, values);
        }
    }

    private JdbcRows() {
    }

    /**
     * The rows of {@code sql}, whose {@code ?} are {@code parameters} in order: each an
     * {@link ArrayParameter} or a value the driver binds with its type ({@code LocalDate} as a
     * date, {@code OffsetDateTime} as a timestamp with time zone).
     */
    public static <T> List<T> list(EntityManager em, String sql, Mapper<T> mapper, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepared(connection, sql, parameters)) {
                List<T> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        rows.add(mapper.map(row));
                    }
                }
                return rows;
            }
        });
    }

    /** The {@code timestamptz} in {@code column} of {@code row}, or null. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * {@code t} as a {@code timestamptz} column keeps it: to the nearest microsecond, half up, as
     * the driver rounds what it sends.
     */
    public static Instant microseconds(Instant t) {
        return t == null ? null : t.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /** Runs {@code sql}, whose {@code ?} are {@code parameters} as for {@link #list}; the rows it changed. */
    public static int update(EntityManager em, String sql, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepared(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof ArrayParameter array) {
                    statement.setArray(i + 1, connection.createArrayOf(array.type(), array.values().toArray()));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
