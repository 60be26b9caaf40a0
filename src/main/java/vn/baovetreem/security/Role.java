package vn.baovetreem.security;

import vn.baovetreem.areas.UnitLevel;

import java.util.EnumSet;
import java.util.Set;
import java.util.Optional;

/** The realm roles a token may carry ({@code realm_access.roles}); see the product brief §1. */
public enum Role {
    /** Village head or collaborator (trưởng thôn, cộng tác viên): one village. */
    VILLAGE(EnumSet.of(UnitLevel.VILLAGE)),
    /** Commune culture-social or child-protection officer, commune leaders: one commune and its villages. */
    COMMUNE(EnumSet.of(UnitLevel.COMMUNE)),
    /** District or provincial supervisor: a district or province and everything below. */
    DISTRICT(EnumSet.of(UnitLevel.DISTRICT, UnitLevel.PROVINCE)),
    /** Service account of the aggregation system: a district or province. */
    AGGREGATOR(EnumSet.of(UnitLevel.DISTRICT, UnitLevel.PROVINCE)),
    /** Service account for scripted imports: a commune, or the district or province that imports for its communes. */
    IMPORTER(EnumSet.of(UnitLevel.COMMUNE, UnitLevel.DISTRICT, UnitLevel.PROVINCE)),
    /** System administrator: everything, with or without a unit. */
    ADMIN(EnumSet.allOf(UnitLevel.class));

    private final Set<UnitLevel> levels;

    Role(Set<UnitLevel> levels) {
        this.levels = levels;
    }

    /**
     * Whether the role may be held at a unit of {@code level}: a village account set to a province
     * (an administrator's typo) must not be given the whole province.
     */
    public boolean heldAt(UnitLevel level) {
        return levels.contains(level);
    }

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
