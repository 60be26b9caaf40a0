package vn.baovetreem.common.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.util.List;
import java.util.UUID;

/** Records loaded by id in the order a list page or a view asks for them. */
public final class InOrder {

    private InOrder() {
    }

    /**
     * The records of {@code type} with {@code ids}, in that order, an id asked twice given twice;
     * null where an id names no record. Those already loaded in this transaction (a changed record
     * read again for the answer) cost no statement; the others are read in one, with an array.
     */
    public static <E> List<E> load(EntityManager em, Class<E> type, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).byMultipleIds(type).enableSessionCheck(true).withBatchSize(ids.size()).multiLoad(ids);
    }
}
