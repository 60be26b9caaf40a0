package vn.baovetreem.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import vn.baovetreem.common.persistence.Row;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
     * What the stamps of a unit's parts count: the writes that named no unit ({@code everyone}, which
     * may have changed any part), and for each part the writes that named a unit in it ({@code ""}:
     * the unit itself, else the code of the unit below it that the named unit stands under that day,
     * as the indicators' {@code geo} has it).
     */
    record Stamps(long everyone, Map<String, Long> parts) {

        /** The parts whose stamp moved since {@code earlier}, or null when every part may have changed. */
        Set<String> movedSince(Stamps earlier) {
            if (everyone != earlier.everyone()) {
                return null;
            }
            Set<String> moved = new TreeSet<>();
            parts.forEach((part, stamp) -> {
                if (!stamp.equals(earlier.parts().get(part))) {
                    moved.add(part);
                }
            });
            earlier.parts().keySet().stream().filter(part -> !parts.containsKey(part)).forEach(moved::add);
            return moved;
        }
    }

    /**
     * The stamps of the unit at {@code path} on {@code day}: the folded writes that named no unit
     * and the writes not yet folded that name none, and by part, the folded counts of the units
     * under it that day and the writes not yet folded that name one of them. One statement, so it
     * is read from one snapshot.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Stamps stamps(String path, LocalDate day) {
        Map<String, Long> parts = new HashMap<>();
        long everyone = 0;
        for (Row row : Row.all(em.createNativeQuery("""
                        with under as materialized (
                            select cast(code as text) as code,
                                   case when nlevel(path) > nlevel(cast(?1 as ltree)) then ltree2text(subpath(path, nlevel(cast(?1 as ltree)), 1))
                                        else '' end as part
                            from unit_positions(?2) where path <@ cast(?1 as ltree))
                        select null as part, f.writes + (select count(*) from indicator_input_write w where w.units = '{}') as writes
                        from indicator_input_folded f
                        union all
                        select part, sum(writes) from (
                            select un.part, u.writes from indicator_input_unit u join under un on un.code = u.code
                            union all
                            select un.part, count(distinct w.seq) from indicator_input_write w
                            cross join lateral unnest(w.units) touched (code) join under un on un.code = touched.code
                            group by un.part) written
                        group by part""", Tuple.class)
                .setParameter(1, path).setParameter(2, day))) {
            long writes = row.bigint("writes");
            if (row.text("part") == null) {
                everyone = writes;
            } else {
                parts.put(row.text("part"), writes);
            }
        }
        return new Stamps(everyone, Map.copyOf(parts));
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
