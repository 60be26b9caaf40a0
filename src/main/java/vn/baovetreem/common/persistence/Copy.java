package vn.baovetreem.common.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rows sent to a table with PostgreSQL's {@code COPY … FROM STDIN} (text format), the quickest
 * way in: what bulk writes (an import, the audit events of a batch) use instead of one statement
 * per row. The rows take part in the caller's transaction like any other write; the table's
 * constraints, indexes and triggers apply to them as to an {@code INSERT}.
 */
public final class Copy {

    private final String table;
    private final String[] columns;
    private final StringBuilder text = new StringBuilder();
    private int rows;

    private Copy(String table, String[] columns) {
        this.table = table;
        this.columns = columns.clone();
    }

    /** Rows for {@code columns} of {@code table}, given in that order. */
    public static Copy into(String table, String... columns) {
        return new Copy(table, columns);
    }

    /**
     * Adds a row. A value is null, text, a number, a boolean, a UUID, a date, an instant, or a
     * collection of text (a {@code text[]} column); a {@code jsonb} or {@code ltree} column takes
     * its text.
     */
    public Copy row(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException("A row of " + columns.length + " columns was given " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(values[i]);
        }
        text.append('\n');
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** Sends the rows gathered so far in the caller's transaction and starts afresh; answers how many were written. */
    public long send(EntityManager em) {
        return send(em, table);
    }

    /**
     * Writes the rows gathered so far over the stored rows of the table with their {@code id},
     * each only if the stored row still has the row's {@code version}, which then goes up by one;
     * {@code kept} are the columns a change never writes (besides {@code id} and {@code version}).
     * The rows are staged with {@code COPY} in a temporary table and written by one {@code UPDATE}.
     *
     * @throws OptimisticLockException when someone changed one of the rows meanwhile
     */
    public void sendAsChanges(EntityManager em, Set<String> kept) {
        if (rows == 0) {
            return;
        }
        int expected = rows;
        String stage = table + "_stage";
        em.createNativeQuery("create temporary table if not exists " + stage + " (like " + table
                + " including defaults) on commit drop").executeUpdate();
        em.createNativeQuery("truncate " + stage).executeUpdate();
        send(em, stage);
        String set = Arrays.stream(columns).filter(c -> !c.equals("id") && !c.equals("version") && !kept.contains(c))
                .map(c -> c + " = s." + c).collect(Collectors.joining(", "));
        int updated = em.createNativeQuery("update " + table + " t set " + set + ", version = t.version + 1 from " + stage
                + " s where t.id = s.id and t.version = s.version").executeUpdate();
        if (updated != expected) {
            throw new OptimisticLockException((expected - updated) + " " + table + " rows of the batch were changed meanwhile");
        }
    }

    private long send(EntityManager em, String into) {
        if (rows == 0) {
            return 0;
        }
        String statement = "copy " + into + " (" + String.join(", ", columns) + ") from stdin";
        long written = em.unwrap(Session.class).doReturningWork(connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement, new StringReader(text.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        text.setLength(0);
        rows = 0;
        return written;
    }

    private void append(Object value) {
        switch (value) {
            case null -> text.append("\\N");
            case String s -> escape(s);
            case Boolean b -> text.append(b ? 't' : 'f');
            case Number n -> text.append(n);
            case UUID u -> text.append(u);
            case LocalDate d -> text.append(d);
            case Instant t -> text.append(t);
            case OffsetDateTime t -> text.append(t);
            case Collection<?> list -> escape(array(list));
            default -> throw new IllegalArgumentException("COPY cannot send a " + value.getClass().getSimpleName());
        }
    }

    /** A {@code text[]} literal: each element in double quotes, its quotes and backslashes escaped. */
    private static String array(Collection<?> elements) {
        StringBuilder literal = new StringBuilder("{");
        for (Object e : elements) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(e.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    /**
     * COPY's text format: a backslash, a tab, a newline or a carriage return is escaped with a
     * backslash; the runs between them are appended whole (a record's JSON is hundreds of characters).
     */
    private void escape(String s) {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            String escaped = switch (s.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                text.append(s, from, i).append(escaped);
                from = i + 1;
            }
        }
        text.append(s, from, s.length());
    }
}
