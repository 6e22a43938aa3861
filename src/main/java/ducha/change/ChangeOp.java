package ducha.change;

public enum ChangeOp {
    CREATE, UPDATE, TRANSITION, DELETE
}
