package vn.baovetreem.common.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rows of a statement read with JDBC, in the transaction of {@code em}: for
 * the look-ups of an import's batches, where Hibernate's handling of a native query (resolving its
 * columns from the result set on each call, then naming each value or building each entity) cost
 * more than the statement. What is read here is not managed by Hibernate and is never flushed; nor
 * does reading flush the session first, as a Hibernate query would, so it reads what is flushed.
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

    private JdbcRows() {
    }

    /** The rows of {@code sql}, whose {@code ?} are {@code parameters} in order. */
    public static <T> List<T> list(EntityManager em, String sql, Mapper<T> mapper, ArrayParameter... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setArray(i + 1, connection.createArrayOf(parameters[i].type(), parameters[i].values().toArray()));
                }
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
}
