package vn.baovetreem.children;

/** Where a child's record stands; only {@link #ACTIVE} children are counted as living in the commune. */
public enum ChildStatus {
    ACTIVE, MOVED_AWAY, DECEASED, MERGED
}
