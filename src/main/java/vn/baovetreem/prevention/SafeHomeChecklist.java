package vn.baovetreem.prevention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.security.AccessPolicy;
import vn.baovetreem.security.Operation;

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

    private final SafeHomeChecklistRepository checklists;
    private final AccessPolicy access;

    SafeHomeChecklist(SafeHomeChecklistRepository checklists, AccessPolicy access) {
        this.checklists = checklists;
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
        return checklists.latest();
    }
}
