package vn.baovetreem.imports;

import vn.baovetreem.children.ChildImport;
import vn.baovetreem.children.ChildImport.MatchBy;
import vn.baovetreem.children.ChildStatus;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.imports.Columns.Column;
import vn.baovetreem.imports.Columns.Type;
import vn.baovetreem.security.Scope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How a row of a circumstances or interventions file names its child: by the child's personal
 * identification number or external reference (the job's {@code matchBy} says which), and
 * optionally by name, which is then checked against the record so that a mistyped key is caught.
 */
final class ChildReferences {

    static final Column PERSONAL_ID = new Column("childPersonalId", "Số định danh cá nhân của trẻ", Type.TEXT,
            "the child's; needed when rows are matched by PERSONAL_ID");
    static final Column EXTERNAL_REF = new Column("childExternalRef", "Mã tham chiếu ngoài của trẻ", Type.TEXT,
            "the child's; needed when rows are matched by EXTERNAL_REF");
    static final Column NAME = new Column("childName", "Họ và tên trẻ", Type.TEXT,
            "optional; when given it must be the name of the record the key names");

    /** The columns that name the child, first in every file that has them. */
    static final List<Column> COLUMNS = List.of(PERSONAL_ID, EXTERNAL_REF, NAME);

    /** The child a row names, as read from the file. */
    record Reference(String personalId, String externalRef, String name) {

        static Reference read(Map<String, String> row) {
            return new Reference(row.get(PERSONAL_ID.name()), row.get(EXTERNAL_REF.name()), row.get(NAME.name()));
        }

        String key(MatchBy by) {
            return by == MatchBy.PERSONAL_ID ? personalId : externalRef;
        }
    }

    static Column keyColumn(MatchBy by) {
        return by == MatchBy.PERSONAL_ID ? PERSONAL_ID : EXTERNAL_REF;
    }

    private final MatchBy by;
    private final Scope scope;
    private Map<String, ChildImport.Named> found = Map.of();

    ChildReferences(MatchBy by, Scope scope) {
        this.by = by;
        this.scope = scope;
    }

    /** Looks up the children in the caller's area a batch names, in one query, and gives their ids. */
    List<UUID> lookUp(ChildImport registry, Collection<Reference> batch) {
        found = registry.byKey(by, batch.stream().map(r -> r.key(by)).filter(Objects::nonNull).distinct().toList())
                .entrySet().stream().filter(e -> scope.contains(e.getValue().unitPath()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return found.values().stream().map(ChildImport.Named::id).toList();
    }

    /**
     * The child {@code row} names by {@code reference}, or null with the reason added to the row's
     * problems, unless the row has one of that column already (a key cell that cannot be stored is
     * not also "required").
     */
    ChildImport.Named resolve(KindFile.Parsed<?> row, Reference reference) {
        List<Violation> problems = new ArrayList<>();
        ChildImport.Named child = resolve(reference, problems);
        row.report(problems);
        return child;
    }

    /** The child a row names, or null with the reason added to {@code problems}. */
    ChildImport.Named resolve(Reference reference, List<Violation> problems) {
        String field = keyColumn(by).name();
        String key = reference.key(by);
        if (key == null) {
            problems.add(new Violation(field, "is required: the rows are matched by " + by));
            return null;
        }
        ChildImport.Named child = found.get(key.strip());
        if (child == null) {
            problems.add(new Violation(field, "names no child registered in your area"));
            return null;
        }
        if (child.status() == ChildStatus.MERGED) {
            problems.add(new Violation(field, "names a record merged into another; use the other record's key"));
            return null;
        }
        if (reference.name() != null && !Texts.fold(reference.name()).equals(child.searchName())) {
            problems.add(new Violation(NAME.name(), "is not the name of the record " + field + " names (" + child.fullName() + ")"));
            return null;
        }
        return child;
    }
}
