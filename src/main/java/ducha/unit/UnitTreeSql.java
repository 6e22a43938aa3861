package ducha.unit;

/**
 * SQL for "this unit and every unit below it", usable inside larger statements. It reads unit_closure, which triggers
 * keep exact (V7__unit_subtree.sql, docs/subtree.md): one index range, whatever the depth and size of the tree.
 */
public final class UnitTreeSql {

    private UnitTreeSql() {
    }

    /** A sub-select of the ids (column {@code id}) of the unit {@code rootExpression} and its descendants. */
    public static String subtreeOf(String rootExpression) {
        return "(select unit_id as id from unit_closure where ancestor_id = " + rootExpression + ")";
    }
}
