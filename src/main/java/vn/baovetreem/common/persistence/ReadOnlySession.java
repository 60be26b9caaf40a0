package vn.baovetreem.common.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * A session that only reads, declared as such to Hibernate: what it loads is read-only (no copy of
 * each record's state is kept to compare) and it never flushes, neither before a query nor at the
 * end of a transaction. A read of one child spent a fifth of its processor time in that
 * bookkeeping (docs/performance.md, "Record reads and transitions without Hibernate's
 * bookkeeping").
 */
public final class ReadOnlySession {

    private ReadOnlySession() {
    }

    /**
     * Declares the session of {@code em} a read, before it loads anything. Only for a session of
     * its own: in a transaction joined to one that writes, the writer's changes would no longer be
     * flushed. So a session that already holds records is refused.
     */
    public static void declare(EntityManager em) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        if (session.getPersistenceContextInternal().getNumberOfManagedEntities() > 0) {
            throw new IllegalStateException("A session that already holds records cannot be declared a read");
        }
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }

    /**
     * Flushes the session of {@code em} before a statement run outside Hibernate ({@link JdbcRows}),
     * as Hibernate does before its own queries: unless it was declared a read.
     */
    public static void flushUnlessDeclared(EntityManager em) {
        Session session = em.unwrap(Session.class);
        if (session.getHibernateFlushMode() != FlushMode.MANUAL) {
            session.flush();
        }
    }
}
