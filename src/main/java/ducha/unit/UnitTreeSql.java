package ducha.unit;

/** SQL for "this unit and every unit below it", usable inside larger statements. */
public final class UnitTreeSql {

    /** Deep enough for any real organisation chart; stops a corrupt tree from recursing for ever. */
    public static final int MAX_DEPTH = 32;

    private UnitTreeSql() {
    }

    /** A sub-select of the ids of the unit {@code rootExpression} and its descendants. */
    public static String subtreeOf(String rootExpression) {
        return "(with recursive tree(id, depth) as (select " + rootExpression + ", 0"
                + " union all select u.id, tree.depth + 1 from unit u join tree on u.parent_id = tree.id"
                + " where tree.depth < " + MAX_DEPTH + ") select id from tree)";
    }
}
