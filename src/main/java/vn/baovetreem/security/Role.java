package vn.baovetreem.security;

import java.util.Optional;

/** The realm roles a token may carry ({@code realm_access.roles}); see the product brief §1. */
public enum Role {
    /** Village head or collaborator (trưởng thôn, cộng tác viên): one village. */
    VILLAGE,
    /** Commune culture-social or child-protection officer, commune leaders: one commune and its villages. */
    COMMUNE,
    /** District or provincial supervisor: a district or province and everything below. */
    DISTRICT,
    /** Service account of the aggregation system. */
    AGGREGATOR,
    /** Service account for scripted imports. */
    IMPORTER,
    /** System administrator: everything. */
    ADMIN;

    public String tokenName() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromToken(String name) {
        for (Role role : values()) {
            if (role.tokenName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
