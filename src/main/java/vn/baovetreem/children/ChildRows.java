package vn.baovetreem.children;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.baovetreem.common.persistence.CopyTable;

import java.util.Set;

/**
 * A child record as a row of the {@code child} table, for the bulk writes of an import that go
 * around Hibernate ({@link ChildRepository#insertAll}, {@link ChildRepository#changeAll}): the
 * columns {@link Child} maps, in one order. A record sent this way must read back through
 * Hibernate as it was sent: {@code ChildRepositoryTest} and the import tests that import a file
 * twice and find nothing changed the second time (caregivers, dates and codes included) fail
 * otherwise.
 */
final class ChildRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Children as rows of the table; a change of a record never writes who created it when. */
    static final CopyTable<Child> ROWS = new CopyTable<>("child", Set.of("created_at", "created_by"), ChildRows::row,
            "id", "personal_id", "full_name", "search_name", "sort_name", "date_of_birth", "birth_date_estimated", "sex", "ethnicity",
            "village_code", "unit_path", "address", "poverty_status", "birth_registered_on", "health_insurance_card", "school_status",
            "disability_level", "parents_status", "caregivers", "caregiver_phones", "continuing_support_reason", "external_ref", "note",
            "status", "status_date", "status_note", "moved_to_unit_code", "merged_into_id", "version", "created_at", "created_by",
            "updated_at");

    private ChildRows() {
    }

    private static Object[] row(Child c) {
        String caregivers;
        try {
            caregivers = JSON.writeValueAsString(c.caregivers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the caregivers of a child", e);
        }
        return new Object[]{c.id(), c.personalId(), c.fullName(), c.searchName(), c.sortName(), c.dateOfBirth(),
                c.birthDateEstimated(), c.sex(), c.ethnicity(), c.villageCode(), c.unitPath(), c.address(), c.povertyStatus(),
                c.birthRegisteredOn(), c.healthInsuranceCard(), c.schoolStatus(), c.disabilityLevel(), c.parentsStatus(), caregivers,
                c.caregiverPhones(), c.continuingSupportReason(), c.externalRef(), c.note(), c.status().name(), c.statusDate(),
                c.statusNote(), c.movedToUnitCode(), c.mergedIntoId(), c.version(), c.createdAt(), c.createdBy(), c.updatedAt()};
    }
}
