package vn.baovetreem.imports;

import jakarta.enterprise.context.ApplicationScoped;

/** The file of each kind of import. */
@ApplicationScoped
class KindFiles {

    private final ChildrenFile children;
    private final CircumstancesFile circumstances;
    private final InterventionsFile interventions;

    KindFiles(ChildrenFile children, CircumstancesFile circumstances, InterventionsFile interventions) {
        this.children = children;
        this.circumstances = circumstances;
        this.interventions = interventions;
    }

    KindFile<?> of(ImportKind kind) {
        return switch (kind) {
            case CHILDREN -> children;
            case CIRCUMSTANCES -> circumstances;
            case INTERVENTIONS -> interventions;
        };
    }
}
