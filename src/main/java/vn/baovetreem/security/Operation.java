package vn.baovetreem.security;

import java.util.EnumSet;
import java.util.Set;

import static vn.baovetreem.security.Role.ADMIN;
import static vn.baovetreem.security.Role.AGGREGATOR;
import static vn.baovetreem.security.Role.COMMUNE;
import static vn.baovetreem.security.Role.DISTRICT;
import static vn.baovetreem.security.Role.IMPORTER;
import static vn.baovetreem.security.Role.VILLAGE;

/**
 * Every operation the API offers, with the roles that may perform it (the brief's permission
 * table). Where a record sits in the administrative tree is checked separately, against the
 * caller's {@link Scope}. Later features refine these rows; they never loosen them.
 */
public enum Operation {
    READ_SELF(VILLAGE, COMMUNE, DISTRICT, AGGREGATOR, IMPORTER, ADMIN),
    READ_ADMIN_UNITS(VILLAGE, COMMUNE, DISTRICT, AGGREGATOR, IMPORTER, ADMIN),
    MANAGE_ADMIN_UNITS(ADMIN),
    MANAGE_REFERENCE_DATA(ADMIN),
    READ_CODE_LISTS(VILLAGE, COMMUNE, DISTRICT, AGGREGATOR, IMPORTER, ADMIN),
    READ_AUDIT_TRAIL(COMMUNE, DISTRICT, ADMIN),

    READ_CHILDREN(VILLAGE, COMMUNE, DISTRICT, ADMIN),
    WRITE_CHILDREN(VILLAGE, COMMUNE),
    ARCHIVE_OR_MERGE_CHILDREN(COMMUNE),
    /** The data subject's report (Law 91/2025): the commune, which holds the child's file, answers the request. */
    READ_PERSONAL_DATA_REPORT(COMMUNE),
    REPORT_CASE(VILLAGE, COMMUNE),
    READ_CASES(VILLAGE, COMMUNE, DISTRICT, ADMIN),
    MANAGE_CASES(COMMUNE),
    SUPERVISE_ESCALATED_CASES(DISTRICT),
    READ_INTERVENTIONS(VILLAGE, COMMUNE, DISTRICT),
    WRITE_INTERVENTIONS(COMMUNE),
    READ_PREVENTION(VILLAGE, COMMUNE, DISTRICT),
    WRITE_PREVENTION(VILLAGE, COMMUNE),
    RECORD_AWARENESS_ACTIVITIES(COMMUNE),
    READ_PLANS(VILLAGE, COMMUNE, DISTRICT),
    WRITE_PLANS(COMMUNE),
    SET_COMMUNE_TARGETS(DISTRICT),
    DRAFT_AND_SUBMIT_REPORTS(COMMUNE),
    REVIEW_REPORTS(DISTRICT),
    READ_ACCEPTED_REPORTS(COMMUNE, DISTRICT, AGGREGATOR),
    /** The change feed and its seed: each record type still needs its own read operation. */
    READ_CHANGES(VILLAGE, COMMUNE, DISTRICT, ADMIN),
    /** A batch of changes made offline: each one still needs its own operation. */
    APPLY_OFFLINE_CHANGES(VILLAGE, COMMUNE, DISTRICT),
    /** Webhooks post events of every unit they are set to: the administrator registers them. */
    MANAGE_WEBHOOKS(ADMIN),
    READ_INDICATORS(VILLAGE, COMMUNE, DISTRICT, AGGREGATOR, ADMIN),
    EXPORT_INDICATORS(COMMUNE, DISTRICT, AGGREGATOR, ADMIN),
    WRITE_UNIT_FACTS(COMMUNE, DISTRICT),
    RUN_IMPORTS(COMMUNE, IMPORTER);

    private final Set<Role> roles;

    Operation(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }
}
