package vn.baovetreem.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * The count of the writes that could change a unit's indicators (changelog 035): equal stamps
 * before and after a computation, and equal again later, mean nothing the figures read has changed
 * in between, so the figures computed then are still the figures now.
 */
@ApplicationScoped
class IndicatorInputs {

    private final EntityManager em;

    IndicatorInputs(EntityManager em) {
        this.em = em;
    }

    /**
     * The stamp of the unit at {@code path} on {@code day}: the folded writes plus those naming a
     * unit that stood under it that day (as the indicators' {@code geo} has it) or naming none. One
     * statement, so it is read from one snapshot.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    long stamp(String path, LocalDate day) {
        return ((Number) em.createNativeQuery("""
                        select f.writes
                               + (select count(*) from indicator_input_write w where w.units = '{}')
                               + (select count(distinct w.seq) from indicator_input_write w cross join lateral unnest(w.units) touched (code)
                                  where touched.code in (select cast(code as text) from unit_positions(?2) where path <@ cast(?1 as ltree)))
                        from indicator_input_folded f""")
                .setParameter(1, path).setParameter(2, day).getSingleResult()).longValue();
    }

    /**
     * Deletes the writes recorded so far and adds their number to the folded count, in one
     * statement: no stamp goes down, and every stamp a deleted write did not name goes up (so the
     * figures kept for it are computed again once).
     *
     * @return the number of writes folded
     */
    @Transactional
    long fold() {
        return ((Number) em.createNativeQuery("""
                        with folded as (delete from indicator_input_write returning 1)
                        update indicator_input_folded set writes = writes + (select count(*) from folded)
                        returning (select count(*) from folded)""")
                .getSingleResult()).longValue();
    }
}
