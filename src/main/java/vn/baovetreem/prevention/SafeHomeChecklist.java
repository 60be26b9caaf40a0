package vn.baovetreem.prevention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.Operation;
import vn.baovetreem.common.persistence.Row;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The safe-home checklist of QĐ 548/QĐ-LĐTBXH, kept as data in the database (one version per
 * revision; an assessment names the version it used). Criteria whose wording or mandatory status
 * could not be confirmed against the decision are {@code provisional}.
 */
@ApplicationScoped
public class SafeHomeChecklist {

    public record Area(String code, String article, String nameVi, String nameEn) {
    }

    public record Criterion(String code, String area, boolean mandatory, boolean provisional, String source,
                            String textVi, String textEn) {
    }

    /** Schema {@code SafeHomeChecklist}. */
    public record Checklist(String version, String source, String note, int minimumMet, int mandatoryCount,
                            List<Area> areas, List<Criterion> criteria) {

        Map<String, Criterion> byCode() {
            return criteria.stream().collect(Collectors.toMap(Criterion::code, Function.identity()));
        }
    }

    private final EntityManager em;
    private final AccessPolicy access;

    SafeHomeChecklist(EntityManager em, AccessPolicy access) {
        this.em = em;
        this.access = access;
    }

    /** The checklist new assessments use, for callers who may read the prevention registers. */
    @Transactional
    public Checklist read() {
        access.check(Operation.READ_PREVENTION);
        return current();
    }

    /** The latest version of the checklist. */
    Checklist current() {
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
