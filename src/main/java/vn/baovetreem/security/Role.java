package vn.baovetreem.security;

import vn.baovetreem.areas.UnitLevel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /**
     * The roles by their names in tokens. Made once: every request resolves its caller's roles, and
     * lower-cased in the root locale, since in the default one of a Turkish server "ADMIN" becomes
     * "admın" and would match no token.
     */
    private static final Map<String, Role> BY_TOKEN_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Role::tokenName, Function.identity()));

    private final Set<UnitLevel> levels;
    private final String tokenName;

    Role(Set<UnitLevel> levels) {
        this.levels = levels;
        this.tokenName = name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the role may be held at a unit of {@code level}: a village account set to a province
     * (an administrator's typo) must not be given the whole province.
     */
    public boolean heldAt(UnitLevel level) {
        return levels.contains(level);
    }

    public String tokenName() {
        return tokenName;
    }

    public static Optional<Role> fromToken(String name) {
        return Optional.ofNullable(name == null ? null : BY_TOKEN_NAME.get(name));
    }
}
