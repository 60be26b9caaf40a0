package vn.baovetreem.prevention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.prevention.SafeHomeChecklist.Area;
import vn.baovetreem.prevention.SafeHomeChecklist.Checklist;
import vn.baovetreem.prevention.SafeHomeChecklist.Criterion;

import java.util.List;

/** The versions of the safe-home checklist: its head, areas and criteria, in their order. */
@ApplicationScoped
public class SafeHomeChecklistRepository {

    private final EntityManager em;

    SafeHomeChecklistRepository(EntityManager em) {
        this.em = em;
    }

    /** The latest version of the checklist. */
    Checklist latest() {
        Row head = Row.all(em.createNativeQuery(
                "select version, source, note, minimum_met from safe_home_checklist order by version desc limit 1", Tuple.class))
                .getFirst();
        String version = head.text("version");
        List<Area> areas = Row.all(em.createNativeQuery(
                        "select code, article, name_vi, name_en from safe_home_area where version = ?1 order by position", Tuple.class)
                        .setParameter(1, version))
                .stream().map(r -> new Area(r.text("code"), r.text("article"), r.text("name_vi"), r.text("name_en"))).toList();
        List<Criterion> criteria = Row.all(em.createNativeQuery("""
                        select code, area, mandatory, provisional, source, text_vi, text_en from safe_home_criterion
                        where version = ?1 order by position""", Tuple.class)
                        .setParameter(1, version))
                .stream().map(r -> new Criterion(r.text("code"), r.text("area"), r.bool("mandatory"), r.bool("provisional"),
                        r.text("source"), r.text("text_vi"), r.text("text_en"))).toList();
        int mandatory = (int) criteria.stream().filter(Criterion::mandatory).count();
        return new Checklist(version, head.text("source"), head.text("note"), head.integer("minimum_met"), mandatory, areas, criteria);
    }
}
