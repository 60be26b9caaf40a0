package vn.baovetreem.imports;

import vn.baovetreem.audit.AuditTrail;
import vn.baovetreem.children.ChildImport;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.persistence.WriteOutcome;
import vn.baovetreem.security.Scope;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One kind of import file: its columns, how a row reads into the registry's terms, and what each
 * of the two passes of {@link ImportPasses} does with a batch of rows. The passes go through the
 * same checks, scope rules, duplicate detection and audit as the API.
 *
 * @param <T> a row read into the registry's terms
 */
interface KindFile<T> {

    ImportKind kind();

    Columns columns();

    /**
     * A column the file needs beyond the required ones: in a file whose rows name their child, the
     * column of the key {@code by} names.
     */
    default Optional<Columns.Column> keyColumn(ChildImport.MatchBy by) {
        return columns().of(ChildReferences.keyColumn(by).name());
    }

    /** A row's values by column name read into the registry's terms; unreadable values become problems. */
    T read(Map<String, String> row, List<Violation> problems);

    /** The file column a violation is about, where the API's field differs from it. */
    default String column(String field) {
        return field;
    }

    /** One pass over the file, with what it keeps from batch to batch (keys seen, lookups made). */
    Pass<T> pass(ImportJobs.Job job, Scope scope);

    /** A row of the file: its number, what it read into and its problems so far. */
    record Parsed<T>(RowReader.Row row, T value, List<Violation> problems) {

        /**
         * Adds the problems of {@code more} about fields not already found wrong, the first of each,
         * so that a row reports every problem it has (a bad date does not hide a bad code) and never
         * two of one field (an unreadable date is not also "required").
         */
        void report(Collection<Violation> more) {
            if (more.isEmpty()) {
                return;
            }
            Set<String> reported = problems.stream().map(Violation::field).collect(Collectors.toCollection(HashSet::new));
            more.stream().filter(v -> reported.add(v.field())).forEach(problems::add);
        }
    }

    interface Pass<T> {

        /** Adds to each row of a batch the problems the file alone cannot show: rules, scope, keys, the match. */
        void check(List<Parsed<T>> batch);

        /**
         * Writes the rows of a batch that the first pass found good, adding their audit events to
         * {@code events}, and gives the outcome of each; a row that no longer passes throws
         * {@link ImportPasses.RegistryChanged}. What a kind writes itself (with {@code COPY}) it sends
         * before returning; what Hibernate holds the passes flush after each batch.
         */
        List<WriteOutcome> write(List<Parsed<T>> good, AuditTrail.Buffer events);
    }
}
