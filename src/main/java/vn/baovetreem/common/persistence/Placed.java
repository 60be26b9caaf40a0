package vn.baovetreem.common.persistence;

/**
 * A record that lies in one unit's subtree: who may see it, and under which unit its audit events
 * are filed, go by this path ({@code 20.06298.06283_01}).
 */
public interface Placed {

    /** The materialized path of the unit the record lies in. */
    String unitPath();
}
