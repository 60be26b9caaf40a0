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
     * The stamp of the unit at {@code path} on {@code day}: the folded writes that named no unit, the
     * folded counts of the units under it that day (as the indicators' {@code geo} has it), and the
     * writes not yet folded that name one of those units or none. One statement, so it is read from
     * one snapshot.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    long stamp(String path, LocalDate day) {
        return ((Number) em.createNativeQuery("""
                        with under as materialized (
                            select cast(code as text) as code from unit_positions(?2) where path <@ cast(?1 as ltree))
                        select f.writes
                               + (select coalesce(sum(u.writes), 0) from indicator_input_unit u where u.code in (select code from under))
                               + (select count(*) from indicator_input_write w where w.units = '{}')
                               + (select count(distinct w.seq) from indicator_input_write w cross join lateral unnest(w.units) touched (code)
                                  where touched.code in (select code from under))
                        from indicator_input_folded f""")
                .setParameter(1, path).setParameter(2, day).getSingleResult()).longValue();
    }

    /**
     * Deletes the writes recorded so far and adds them to the count of each unit they name, or to
     * the count of writes naming none, in one statement: no stamp goes down, and a stamp goes up
     * only where one write named several of its units (its figures are computed again once).
     *
     * @return the number of writes folded
     */
    @Transactional
    long fold() {
        return ((Number) em.createNativeQuery("""
                        with folded as (delete from indicator_input_write returning units),
                        per_unit as (
                            insert into indicator_input_unit (code, writes)
                            select code, count(*) from folded cross join lateral unnest(folded.units) named (code) group by code
                            on conflict (code) do update set writes = indicator_input_unit.writes + excluded.writes)
                        update indicator_input_folded set writes = writes + (select count(*) from folded where units = '{}')
                        returning (select count(*) from folded)""")
                .getSingleResult()).longValue();
    }
}
