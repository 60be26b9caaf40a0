package vn.baovetreem.children;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import vn.baovetreem.common.persistence.CopyTable;
import vn.baovetreem.common.persistence.JdbcRows;
import vn.baovetreem.common.persistence.ReadOnlySession;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The spans of children ({@code child_episode}): a child's, all of a batch's, those open on a day, an import's written in
 * bulk, and the version they move.
 */
@ApplicationScoped
public class EpisodeRepository implements PanacheRepositoryBase<ChildEpisode, UUID> {

    /** Spans as rows of the table; a correction never writes the child, the kind and who recorded the span when. */
    private static final CopyTable<ChildEpisode> ROWS = new CopyTable<>("child_episode",
            Set.of("child_id", "kind", "created_at", "created_by"),
            e -> new Object[]{e.id(), e.childId(), e.kind().name(), e.code(), e.subcode(), e.startDate(), e.endDate(), e.endReason(),
                    e.note(), e.version(), e.createdAt(), e.createdBy(), e.updatedAt()},
            "id", "child_id", "kind", "code", "subcode", "start_date", "end_date", "end_reason", "note", "version", "created_at",
            "created_by", "updated_at");

    /** A child's spans of one kind, the latest start first. */
    List<ChildEpisode> of(UUID childId, EpisodeKind kind) {
        return list("childId = ?1 and kind = ?2 order by startDate desc, id", childId, kind);
    }

    /** Every span of a child, by kind, code and start. */
    List<ChildEpisode> allOf(UUID childId) {
        return list("childId = ?1 order by kind, code, startDate", childId);
    }

    /** Inserts new spans with one {@code COPY}. */
    void insertAll(Collection<ChildEpisode> spans) {
        ROWS.insert(getEntityManager(), spans);
    }

    /** Writes spans changed outside Hibernate in one statement that checks their versions ({@link CopyTable#change}). */
    void changeAll(Collection<ChildEpisode> spans) {
        ROWS.change(getEntityManager(), spans);
    }

    /** A change of a child's spans is a change of the child: its version moves and its ETag with it. */
    void touchChildren(Collection<UUID> childIds, Instant at) {
        getEntityManager().createNativeQuery("update child set version = version + 1, updated_at = ?1 where id = any(?2)")
                .setParameter(1, at).setParameter(2, childIds.toArray(UUID[]::new)).executeUpdate();
    }

    /** Every span of these children, read without Hibernate ({@link JdbcRows}): an import's batches check their rows against them. */
    List<ChildEpisode> ofChildren(Collection<UUID> childIds) {
        return JdbcRows.list(getEntityManager(), "select * from child_episode where child_id = any(?)", ChildEpisode::stored,
                new JdbcRows.ArrayParameter("uuid", childIds));
    }

    /** The codes of the spans open on a date, per child. */
    record ActiveEpisodes(Map<UUID, List<String>> circumstances, Map<UUID, List<String>> risks) {
        List<String> groups(UUID child) {
            return circumstances.getOrDefault(child, List.of());
        }

        List<String> risks(UUID child) {
            return risks.getOrDefault(child, List.of());
        }
    }

    /**
     * The codes of the spans of {@code childIds} open on {@code on}, in one statement, run with JDBC
     * ({@link JdbcRows}: Hibernate's handling of the native query cost more than the statement in
     * every read of a child) after a flush, so that spans written in this transaction count, as
     * they would for a Hibernate query ({@link ReadOnlySession#flushUnlessDeclared}).
     */
    ActiveEpisodes activeOn(Collection<UUID> childIds, LocalDate on) {
        Map<UUID, List<String>> circumstances = new HashMap<>();
        Map<UUID, List<String>> risks = new HashMap<>();
        if (!childIds.isEmpty()) {
            ReadOnlySession.flushUnlessDeclared(getEntityManager());
            record Open(UUID childId, String kind, String code) {
            }
            JdbcRows.AnyOf any = new JdbcRows.AnyOf("child_id", "uuid", childIds);
            List<Open> open = JdbcRows.list(getEntityManager(), "select child_id, kind, code from child_episode where " + any.condition()
                    + " and start_date <= ? and (end_date is null or end_date >= ?) order by code",
                    row -> new Open(row.getObject(1, UUID.class), row.getString(2), row.getString(3)), any.parameter(), on, on);
            for (Open span : open) {
                Map<UUID, List<String>> target = EpisodeKind.RISK.name().equals(span.kind()) ? risks : circumstances;
                target.computeIfAbsent(span.childId(), k -> new ArrayList<>()).add(span.code());
            }
        }
        return new ActiveEpisodes(circumstances, risks);
    }
}
