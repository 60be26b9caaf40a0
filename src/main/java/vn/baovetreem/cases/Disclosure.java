package vn.baovetreem.cases;

import vn.baovetreem.security.CurrentUser;
import vn.baovetreem.security.Role;

/**
 * How much of a case a caller sees (Decree 56 Art. 24 and the permission table):
 * <ul>
 *   <li>{@code WITH_REPORTER}: commune users of the commune that handles the case see everything;</li>
 *   <li>{@code FULL}: administrators, district users on an escalated case and the commune a transfer
 *       is proposed to see everything but the reporter;</li>
 *   <li>{@code MASKED}: district users on other cases see no reporter and no free text;</li>
 *   <li>{@code VILLAGE}: village users see the report, but no reporter, assessment, separation or plan.</li>
 * </ul>
 * Reads at {@code WITH_REPORTER} and {@code FULL} are audited.
 */
public enum Disclosure {
    WITH_REPORTER, FULL, MASKED, VILLAGE;

    static Disclosure of(ChildCase c, CurrentUser.Resolved user) {
        if (user.roles().contains(Role.COMMUNE) && user.scope().contains(c.unitPath())) {
            return WITH_REPORTER;
        }
        if (user.roles().contains(Role.ADMIN) || user.roles().contains(Role.COMMUNE)) {
            return FULL;
        }
        if (user.roles().contains(Role.DISTRICT)) {
            return c.escalated() ? FULL : MASKED;
        }
        return VILLAGE;
    }

    /**
     * Whether {@code user} sees the handling (assessment, separation, plan) of no case at all, as
     * a village user: such a caller may not filter by it either, or the filter would reveal it.
     */
    static boolean hidesHandlingFrom(CurrentUser.Resolved user) {
        return user.roles().stream().noneMatch(r -> r == Role.COMMUNE || r == Role.ADMIN || r == Role.DISTRICT);
    }

    boolean audited() {
        return this == WITH_REPORTER || this == FULL;
    }

    boolean showsReporter() {
        return this == WITH_REPORTER;
    }

    boolean showsFreeText() {
        return this != MASKED;
    }

    boolean showsHandling() {
        return this != VILLAGE;
    }
}
