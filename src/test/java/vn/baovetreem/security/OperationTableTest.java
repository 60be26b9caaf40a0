package vn.baovetreem.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The role column of the brief's permission table, row by row. */
class OperationTableTest {

    @ParameterizedTest(name = "{0} is allowed to exactly {1}")
    @CsvSource(delimiter = ';', value = {
            "READ_SELF; VILLAGE COMMUNE DISTRICT AGGREGATOR IMPORTER ADMIN",
            "READ_ADMIN_UNITS; VILLAGE COMMUNE DISTRICT AGGREGATOR IMPORTER ADMIN",
            "MANAGE_ADMIN_UNITS; ADMIN",
            "MANAGE_REFERENCE_DATA; ADMIN",
            "READ_CODE_LISTS; VILLAGE COMMUNE DISTRICT AGGREGATOR IMPORTER ADMIN",
            "READ_AUDIT_TRAIL; COMMUNE DISTRICT ADMIN",
            "READ_CHILDREN; VILLAGE COMMUNE DISTRICT ADMIN",
            "WRITE_CHILDREN; VILLAGE COMMUNE",
            "ARCHIVE_OR_MERGE_CHILDREN; COMMUNE",
            "READ_PERSONAL_DATA_REPORT; COMMUNE",
            "REPORT_CASE; VILLAGE COMMUNE",
            "READ_CASES; VILLAGE COMMUNE DISTRICT ADMIN",
            "MANAGE_CASES; COMMUNE",
            "SUPERVISE_ESCALATED_CASES; DISTRICT",
            "READ_INTERVENTIONS; VILLAGE COMMUNE DISTRICT",
            "WRITE_INTERVENTIONS; COMMUNE",
            "READ_PREVENTION; VILLAGE COMMUNE DISTRICT",
            "WRITE_PREVENTION; VILLAGE COMMUNE",
            "RECORD_AWARENESS_ACTIVITIES; COMMUNE",
            "READ_PLANS; VILLAGE COMMUNE DISTRICT",
            "WRITE_PLANS; COMMUNE",
            "SET_COMMUNE_TARGETS; DISTRICT",
            "DRAFT_AND_SUBMIT_REPORTS; COMMUNE",
            "REVIEW_REPORTS; DISTRICT",
            "READ_ACCEPTED_REPORTS; COMMUNE DISTRICT AGGREGATOR",
            "READ_INDICATORS; VILLAGE COMMUNE DISTRICT AGGREGATOR ADMIN",
            "EXPORT_INDICATORS; COMMUNE DISTRICT AGGREGATOR ADMIN",
            "WRITE_UNIT_FACTS; COMMUNE DISTRICT",
            "RUN_IMPORTS; COMMUNE IMPORTER",
    })
    void operationIsAllowedToExactlyTheRolesOfTheBrief(Operation operation, String roles) {
        Set<Role> expected = Arrays.stream(roles.split(" ")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        assertThat(operation.roles()).isEqualTo(expected);
        for (Role role : Role.values()) {
            assertThat(operation.allows(role)).isEqualTo(expected.contains(role));
        }
    }

    @ParameterizedTest
    @CsvSource({"village, VILLAGE", "admin, ADMIN", "aggregator, AGGREGATOR"})
    void tokenRoleNamesMapToRoles(String token, Role role) {
        assertThat(Role.fromToken(token)).contains(role);
        assertThat(role.tokenName()).isEqualTo(token);
    }

    @ParameterizedTest
    @CsvSource({"offline_access", "uma_authorization", "ADMIN", "default-roles-child-protection"})
    void otherTokenRolesAreIgnored(String token) {
        assertThat(Role.fromToken(token)).isEmpty();
    }
}
