package vn.baovetreem.common.persistence;

import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

/**
 * How a repository's records stand as rows of its table for the bulk writes of an import
 * ({@link Copy}): the columns in their order, the row of a record, and the columns a change never
 * writes. A record written this way must read back through Hibernate as it was written; each
 * repository's test checks the round trip.
 */
public final class CopyTable<E> {

    private final String table;
    private final Set<String> kept;
    private final Function<E, Object[]> row;
    private final String[] columns;

    /**
     * @param kept    the columns a change never writes (besides {@code id} and {@code version})
     * @param row     a record's values, in the order of {@code columns}
     * @param columns the table's columns the records fill
     */
    public CopyTable(String table, Set<String> kept, Function<E, Object[]> row, String... columns) {
        this.table = table;
        this.kept = Set.copyOf(kept);
        this.row = row;
        this.columns = columns.clone();
    }

    /** Inserts {@code records} with one {@code COPY}. */
    public void insert(EntityManager em, Collection<E> records) {
        rows(records).send(em);
    }

    /**
     * Writes {@code records}, read and then changed outside Hibernate (detached), in one statement
     * that checks each one's version ({@link Copy#sendAsChanges}).
     *
     * @throws jakarta.persistence.OptimisticLockException when someone changed one of them meanwhile
     */
    public void change(EntityManager em, Collection<E> records) {
        rows(records).sendAsChanges(em, kept);
    }

    private Copy rows(Collection<E> records) {
        Copy rows = Copy.into(table, columns);
        records.forEach(r -> rows.row(row.apply(r)));
        return rows;
    }
}
