package vn.baovetreem.prevention;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.audit.RecordRef;
import vn.baovetreem.children.ChildDataParticipant;
import vn.baovetreem.common.text.Printed;
import vn.baovetreem.prevention.HouseholdService.HouseholdView;

import java.util.List;
import java.util.UUID;

/**
 * The household a child lives in, in the personal-data report. The household is its own record,
 * of everyone living there: anonymising a child keeps it and the child's place in it (which the
 * safe-home results of past years read), and erases the states of its audit events, which name
 * the children.
 */
@ApplicationScoped
class HouseholdPersonalData implements ChildDataParticipant {

    private final HouseholdRepository households;
    private final HouseholdService service;

    HouseholdPersonalData(HouseholdRepository households, HouseholdService service) {
        this.households = households;
        this.service = service;
    }

    @Override
    public Section describe(UUID childId) {
        List<HouseholdView> seen = service.views(households.findAllInOrder(
                households.householdsOf(List.of(childId)).values().stream().toList()));
        List<List<String>> rows = seen.stream().map(h -> List.of(Printed.text(h.villageName()), h.headName(), Printed.text(h.address()),
                h.latestAssessment() == null ? "" : h.latestAssessment().year() + ": "
                        + (h.latestAssessment().result().safe() ? "an toàn" : "chưa an toàn"))).toList();
        return new Section("households", "Hộ gia đình trẻ đang sống", seen,
                List.of("Thôn", "Chủ hộ", "Địa chỉ", "Đánh giá ngôi nhà an toàn gần nhất"), rows);
    }

    @Override
    public List<RecordRef> records(List<UUID> childIds) {
        return households.householdsOf(childIds).values().stream().distinct()
                .map(id -> new RecordRef(HouseholdService.RECORD_TYPE, id.toString())).toList();
    }

    @Override
    public void anonymise(List<UUID> childIds) {
        // The household is not the child's record: nothing of it is erased here (see the class comment).
    }
}
