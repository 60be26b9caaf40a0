package vn.baovetreem.children;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The consents recorded for children ({@code child_consent}). */
@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<ChildConsent, UUID> {

    /** A child's consents, the newest first. */
    List<ChildConsent> of(UUID childId) {
        return list("childId = ?1 order by givenOn desc, id", childId);
    }

    /** How many consents a child has. */
    long countOf(UUID childId) {
        return count("childId", childId);
    }
}
