package vn.baovetreem.codelists;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** One vocabulary (schema {@code CodeList}); {@code entries} are omitted in the summary listing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeList(String name, String labelVi, String labelEn, String source, Integer size, List<Entry> entries) {

    /** One code with its labels; {@code subcodes} refine it (Decree 56 subgroups of a group). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
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
