package vn.baovetreem.children;

import vn.baovetreem.areas.UnitDirectory;

import java.util.UUID;

/** Schema {@code ChildRef}: the child a support or a case is about, as lists show it. */
public record ChildRef(UUID id, String fullName, String villageCode, String villageName) {

    public static ChildRef of(Child child, UnitDirectory.UnitSummary village) {
        return of(new ChildRepository.Named(child.id(), child.fullName(), child.villageCode()), village);
    }

    public static ChildRef of(ChildRepository.Named child, UnitDirectory.UnitSummary village) {
        return new ChildRef(child.id(), child.fullName(), child.villageCode(), village == null ? null : village.name());
    }
}
