package vn.baovetreem.children;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The spans of children ({@code child_episode}): a child's, all of a batch's, and the version they move. */
@ApplicationScoped
public class EpisodeRepository implements PanacheRepositoryBase<ChildEpisode, UUID> {

    /** A child's spans of one kind, the latest start first. */
    List<ChildEpisode> of(UUID childId, EpisodeKind kind) {
        return list("childId = ?1 and kind = ?2 order by startDate desc, id", childId, kind);
    }

    /** Every span of a child, by kind, code and start. */
    List<ChildEpisode> allOf(UUID childId) {
        return list("childId = ?1 order by kind, code, startDate", childId);
    }

    /** A change of a child's spans is a change of the child: its version moves and its ETag with it. */
    void touchChildren(Collection<UUID> childIds, Instant at) {
        getEntityManager().createNativeQuery("update child set version = version + 1, updated_at = ?1 where id = any(?2)")
                .setParameter(1, at).setParameter(2, childIds.toArray(UUID[]::new)).executeUpdate();
    }

    /** Every span of these children, in one statement (an array, not a list parameter, which Hibernate would plan anew per batch). */
    @SuppressWarnings("unchecked")
    List<ChildEpisode> ofChildren(Collection<UUID> childIds) {
        return getEntityManager().createNativeQuery("select * from child_episode where child_id = any(?1)", ChildEpisode.class)
                .setParameter(1, childIds.toArray(UUID[]::new)).getResultList();
    }
}
