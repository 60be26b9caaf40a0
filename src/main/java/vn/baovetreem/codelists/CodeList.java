package vn.baovetreem.codelists;

import java.util.List;

/** One vocabulary (schema {@code CodeList}); {@code entries} are omitted in the summary listing. */
public record CodeList(String name, String labelVi, String labelEn, String source, Integer size, List<Entry> entries) {

    /** One code with its labels; {@code subcodes} refine it (Decree 56 subgroups of a group). */
    public record Entry(String code, String labelVi, String labelEn, String officialCode, String letter, String legalRef,
                        List<Entry> subcodes) {
    }

    CodeList summary() {
        return new CodeList(name, labelVi, labelEn, source, entries.size(), null);
    }

    CodeList withSize() {
        return new CodeList(name, labelVi, labelEn, source, entries.size(), entries);
    }
}
