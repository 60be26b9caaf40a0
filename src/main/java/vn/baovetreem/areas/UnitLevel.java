package vn.baovetreem.areas;

/** Level of an administrative unit (cấp hành chính). */
public enum UnitLevel {
    PROVINCE, DISTRICT, COMMUNE, VILLAGE;

    /** Whether a unit of this level may sit directly under a unit of {@code parent} level. */
    public boolean mayBeChildOf(UnitLevel parent) {
        return switch (this) {
            case PROVINCE -> false;
            case DISTRICT -> parent == PROVINCE;
            // Since 1 July 2025 communes sit directly under the province.
            case COMMUNE -> parent == DISTRICT || parent == PROVINCE;
            case VILLAGE -> parent == COMMUNE;
        };
    }
}
