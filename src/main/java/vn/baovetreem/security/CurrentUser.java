package vn.baovetreem.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The caller of the current request, resolved once per request from the bearer token: username,
 * client, roles, unit and scope. A token whose {@code admin_unit} is unknown or retired is refused
 * with 403 here, before any use case runs.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    UnitDirectory units;

    @Inject
    Clock clock;

    private Resolved resolved;

    /** What the token says, checked against the administrative tree. */
    public record Resolved(String subject, String username, String clientId, Set<Role> roles,
                           UnitDirectory.UnitSummary unit, Scope scope) {
    }

    /**
     * Where a caller with these roles and unit may act: everywhere for an admin, otherwise the
     * unit's subtree, the subtrees of the units it succeeded and those of the units retired into
     * a unit under it, without those of the units retired from it into units elsewhere.
     */
    public Scope scopeOf(Set<Role> roles, String unitCode) {
        if (roles.contains(Role.ADMIN)) {
            return Scope.everything();
        }
        return units.scope(unitCode);
    }

    /**
     * Makes this request context act for {@code user}: a background job (an import) runs with the
     * roles and scope of the person who started it, and its audit events name them.
     */
    public void actAs(Resolved user) {
        if (resolved != null) {
            throw new IllegalStateException("This context already acts for " + resolved.username());
        }
        resolved = user;
    }

    public Resolved get() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    private Resolved resolve() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().forEach(name -> Role.fromToken(name).ifPresent(roles::add));
        String username = Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(token.getSubject());
        String clientId = token.getClaim("azp");
        String unitCode = unitClaim();
        LocalDate today = LocalDate.now(clock);

        if (unitCode == null || unitCode.isBlank()) {
            if (roles.contains(Role.ADMIN)) {
                return new Resolved(token.getSubject(), username, clientId, roles, null, Scope.everything());
            }
            throw new ApiException.Forbidden(ProblemCode.UNIT_MISSING,
                    "Your account has no administrative unit (admin_unit); ask an administrator to set it.");
        }
        UnitDirectory.UnitSummary unit = units.find(unitCode).orElseThrow(() -> new ApiException.Forbidden(
                ProblemCode.UNIT_UNKNOWN, "Your account's administrative unit '" + unitCode + "' is not known to this service."));
        if (!unit.isValidOn(today)) {
            throw new ApiException.Forbidden(ProblemCode.UNIT_RETIRED,
                    "Your account's administrative unit '" + unitCode + "' is not in force today"
                            + (unit.successorCode() != null ? "; it was succeeded by '" + unit.successorCode() + "'" : "")
                            + ". Ask an administrator to update your account.");
        }
        List<String> misplaced = roles.stream().filter(role -> !role.heldAt(unit.level())).map(Role::tokenName).toList();
        if (!misplaced.isEmpty()) {
            throw new ApiException.Forbidden(ProblemCode.UNIT_LEVEL_MISMATCH, "Your account's role (" + String.join(", ", misplaced)
                    + ") is not held at the level of its administrative unit '" + unitCode + "' (" + unit.level()
                    + "). Ask an administrator to correct the account.");
        }
        return new Resolved(token.getSubject(), username, clientId, roles, unit, scopeOf(roles, unitCode));
    }

    /**
     * The token's {@code admin_unit}, if it is a text. Read from the claims themselves: asked for a
     * claim the MicroProfile JWT standard does not name, {@link JsonWebToken#getClaim} first throws
     * and catches an exception, on every request.
     */
    private String unitClaim() {
        Object value = identity.getPrincipal() instanceof OidcJwtCallerPrincipal principal
                ? principal.getClaims().getClaimValue("admin_unit")
                : token.getClaim("admin_unit");
        return value instanceof String text ? text : null;
    }
}
