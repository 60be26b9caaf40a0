package vn.baovetreem.children;

/**
 * The two kinds of span in a child's record, each with its code list: a special circumstance
 * (group and Decree 56 subgroup) or a risk of falling into one (category).
 */
public enum EpisodeKind {
    CIRCUMSTANCE("special-circumstance-groups", "circumstances"),
    RISK("risk-categories", "risks");

    private final String codeList;
    private final String pathSegment;

    EpisodeKind(String codeList, String pathSegment) {
        this.codeList = codeList;
        this.pathSegment = pathSegment;
    }

    public String codeList() {
        return codeList;
    }

    /** The sub-resource under {@code /children/{id}}. */
    public String pathSegment() {
        return pathSegment;
    }
}
