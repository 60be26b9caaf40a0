package vn.baovetreem.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.areas.UnitLevel;

import java.util.List;

/** Describes the caller so frontends can shape their screens. */
@ApplicationScoped
public class MeService {

    private final AccessPolicy access;

    MeService(AccessPolicy access) {
        this.access = access;
    }

    public record Me(String username, String clientId, List<String> roles, Unit unit, boolean globalScope,
                     List<String> scopePaths, List<Operation> operations) {
    }

    public record Unit(String code, String name, String kind, UnitLevel level, String path) {
    }

    @Transactional
    public Me me() {
        CurrentUser.Resolved user = access.check(Operation.READ_SELF);
        UnitDirectory.UnitSummary u = user.unit();
        Unit unit = u == null ? null : new Unit(u.code(), u.name(), u.kind(), u.level(), u.path());
        List<String> roles = user.roles().stream().map(Role::tokenName).toList();
        return new Me(user.username(), user.clientId(), roles, unit, user.scope().all(), user.scope().paths(),
                access.allowedOperations());
    }
}
